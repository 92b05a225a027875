using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Meetings;

/// <summary>What a meeting transition changed: the meeting itself, and the reminders that came or went with it.</summary>
public sealed record MeetingUpdate(MeetingChange Change, FollowUpChanges Reminders)
{
    /// <summary>The kinds of reminder this change newly planned, earliest first.</summary>
    public IEnumerable<FollowUpKind> NewReminders => Reminders.ToAdd.OrderBy(p => p.DueAt).Select(p => p.Kind);
}

/// <summary>
/// The one way a 1:1 changes state: the meeting's guarded transition, then its follow-ups re-planned,
/// then saved, and what changed handed back for the reply. Each transition refuses an invalid move the
/// same way (see <see cref="Meeting"/>); callers check <see cref="Meeting.IsOpen"/> or
/// <see cref="Meeting.CanBeScheduled"/> first to answer the organizer kindly.
/// </summary>
/// <remarks><see cref="Meeting.Person"/> and <see cref="Meeting.Reflections"/> must be loaded.</remarks>
public sealed class MeetingTransitions(IOneOnOneStore store, FollowUpSync followUps)
{
    public Task<MeetingUpdate> ScheduleAsync(Meeting meeting, DateTimeOffset start, int minutes, string? place, DateTimeOffset now, CancellationToken ct) =>
        ApplyAsync(meeting, meeting.Schedule(start, minutes, place, now), now, ct);

    public Task<MeetingUpdate> MarkHeldAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct) =>
        ApplyAsync(meeting, meeting.MarkHeld(now), now, ct);

    public Task<MeetingUpdate> CallOffAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct) =>
        ApplyAsync(meeting, meeting.CallOff(now), now, ct);

    public Task<MeetingUpdate> MarkMissedAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct) =>
        ApplyAsync(meeting, meeting.MarkMissed(now), now, ct);

    private async Task<MeetingUpdate> ApplyAsync(Meeting meeting, MeetingChange change, DateTimeOffset now, CancellationToken ct)
    {
        var reminders = await followUps.SyncAsync(meeting, now, ct);
        await store.SaveChangesAsync(ct);
        return new MeetingUpdate(change, reminders);
    }
}
