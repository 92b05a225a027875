using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>forget &lt;person&gt;</c>: after a confirmation, erases everything the organizer recorded about
/// someone. The team's row for the person goes too, unless another organizer still knows them.
/// </summary>
public sealed class ForgetCommand(IOneOnOneStore store, PersonResolver resolver) : ICommand
{
    private const string ConfirmWord = "confirm";
    private const string KeepWord = "keep";

    public string Name => "forget";

    public CommandHelp Help { get; } = new(16, "forget <person>", "Erase everything you recorded about someone (asks first)", "forget Maria");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (personText, answer) = SplitAnswer(arguments);
        var lookup = await resolver.FindAsync(context, personText, ct);
        if (PersonReplies.Unresolved(lookup, Name, notFound: PersonReplies.NothingRecorded("forget")) is { } problem)
        {
            return problem;
        }

        var (person, _) = (PersonLookup.Found)lookup;
        if (answer == KeepWord)
        {
            return Reply.WithText($"Kept everything about {person.Name}.");
        }

        if (answer != ConfirmWord)
        {
            return Reply.WithText($"This erases your notes, 1:1s, reflections and reminders about {person.Name}, for good. Sure?")
                .AskYesNo(Payloads.Command($"Yes, forget {person.Name}", $"forget #{person.Id} {ConfirmWord}"),
                    Payloads.Command("No, keep everything", $"forget #{person.Id} {KeepWord}"));
        }

        await EraseAsync(context, person.Id, ct);
        return Reply.WithText($"Done. I've erased what you recorded about {person.Name}.");
    }

    /// <summary>"#12 confirm" → ("#12", "confirm"): the answer the question's buttons add, if any.</summary>
    private static (string Person, string? Answer) SplitAnswer(string arguments)
    {
        foreach (var word in new[] { ConfirmWord, KeepWord })
        {
            if (arguments.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase))
            {
                return (arguments[..^(word.Length + 1)], word);
            }
        }

        return (arguments, null);
    }

    private async Task EraseAsync(ConversationContext context, int personId, CancellationToken ct)
    {
        var me = context.Organizer.Id;
        await using var transaction = await store.BeginTransactionAsync(ct);
        var myMeetings = store.Meetings.Where(m => m.OrganizerId == me && m.PersonId == personId);
        await store.FollowUps.Where(f => f.OrganizerId == me && f.PersonId == personId).ExecuteDeleteAsync(ct);
        await store.FlowRuns.Where(r => r.OrganizerId == me && r.PersonId == personId).ExecuteDeleteAsync(ct);
        await store.Reflections.Where(r => myMeetings.Any(m => m.Id == r.MeetingId)).ExecuteDeleteAsync(ct);
        await myMeetings.ExecuteDeleteAsync(ct);
        await store.LevelChanges.Where(c => c.OrganizerId == me && c.PersonId == personId).ExecuteDeleteAsync(ct);
        await store.Relationships.Where(r => r.OrganizerId == me && r.PersonId == personId).ExecuteDeleteAsync(ct);

        var stillKnown = await store.Relationships.AnyAsync(r => r.PersonId == personId, ct)
                         || await store.Meetings.AnyAsync(m => m.PersonId == personId, ct);
        if (!stillKnown)
        {
            await store.FollowUps.Where(f => f.PersonId == personId).ExecuteDeleteAsync(ct);
            await store.LevelChanges.Where(c => c.PersonId == personId).ExecuteDeleteAsync(ct);
            await store.Relationships.Where(r => r.ReferredByPersonId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReferredByPersonId, (int?)null), ct);
            await store.People.Where(p => p.Id == personId).ExecuteDeleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
