using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.FollowUps;

/// <summary>What an organizer recorded about someone before, for the pocket guide before the next 1:1 with them.</summary>
public static class EarlierNotes
{
    /// <summary>
    /// The reflections the meeting's own organizer wrote on their other 1:1s with the same person; never
    /// another organizer's. Untracked: read only to word a message.
    /// </summary>
    public static async Task<IReadOnlyList<Reflection>> EarlierNotesAsync(this IOneOnOneStore store, Meeting meeting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meeting);
        return await store.Meetings
            .Where(m => m.OrganizerId == meeting.OrganizerId && m.PersonId == meeting.PersonId && m.Id != meeting.Id)
            .SelectMany(m => m.Reflections)
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>
    /// The name of whoever referred the meeting's person to its organizer, as that organizer recorded it; never
    /// another organizer's record of the same person.
    /// </summary>
    public static async Task<string?> ReferrerAsync(this IOneOnOneStore store, Meeting meeting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meeting);
        return await store.Relationships
            .Where(r => r.OrganizerId == meeting.OrganizerId && r.PersonId == meeting.PersonId && r.ReferredBy != null)
            .Select(r => r.ReferredBy!.Name)
            .FirstOrDefaultAsync(ct);
    }
}
