using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Meetings;

/// <summary>The meeting look-ups the commands share.</summary>
public sealed class MeetingBook(IOneOnOneStore store)
{
    /// <summary>The organizer's meeting with the person that is being prepared or is scheduled, if any.</summary>
    public Task<Meeting?> FindOpenAsync(ConversationContext context, int personId, CancellationToken ct) =>
        Mine(context)
            .Where(m => m.PersonId == personId && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Scheduled))
            .OrderByDescending(m => m.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>The most recent held meeting, with anyone or with one person.</summary>
    public Task<Meeting?> FindLastHeldAsync(ConversationContext context, int? personId, bool withoutReflection, CancellationToken ct)
    {
        var query = Mine(context).Where(m => m.Status == MeetingStatus.Held);
        if (personId is { } id)
        {
            query = query.Where(m => m.PersonId == id);
        }

        if (withoutReflection)
        {
            query = query.Where(m => !m.Reflections.Any());
        }

        return query.OrderByDescending(m => m.HeldAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>A first meeting recruits; after that, meetings maintain the relationship.</summary>
    public async Task<MeetingKind> DefaultKindAsync(ConversationContext context, int personId, CancellationToken ct) =>
        await HasHeldAsync(context, personId, ct) ? MeetingKind.Maintenance : MeetingKind.Recruitment;

    /// <summary>Whether the organizer has held a 1:1 with the person before.</summary>
    public Task<bool> HasHeldAsync(ConversationContext context, int personId, CancellationToken ct) =>
        store.Meetings.AnyAsync(m => m.OrganizerId == context.Organizer.Id && m.PersonId == personId && m.Status == MeetingStatus.Held, ct);

    public Meeting Create(ConversationContext context, Person person, MeetingKind kind)
    {
        var meeting = new Meeting
        {
            Organizer = context.Organizer,
            OrganizerId = context.Organizer.Id,
            Person = person,
            Kind = kind,
            Status = MeetingStatus.Planned,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        store.Meetings.Add(meeting);
        return meeting;
    }

    public Task<int> CountHeldAsync(int organizerId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        store.Meetings.CountAsync(m => m.OrganizerId == organizerId && m.Status == MeetingStatus.Held
                                       && m.HeldAt >= from && m.HeldAt < to, ct);

    private IQueryable<Meeting> Mine(ConversationContext context) =>
        store.Meetings.Include(m => m.Person).Include(m => m.Reflections).Where(m => m.OrganizerId == context.Organizer.Id);
}
