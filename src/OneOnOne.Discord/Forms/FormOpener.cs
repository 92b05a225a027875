using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Forms;

/// <summary>What a submitted form page leads to: another page to open, or all answers for the engine.</summary>
internal abstract record FormStep
{
    public sealed record NextPage(FormPageRef Page, int Done, int Total) : FormStep;

    public sealed record Complete(FormInput Input) : FormStep;

    public sealed record Unavailable : FormStep;
}

/// <summary>What pressing a form button leads to: its modal, a form that can't be opened, or a lookup too slow to wait for.</summary>
internal abstract record FormOpening
{
    public sealed record Ready(Wire.InteractionCallbackData Modal) : FormOpening;

    public sealed record Unavailable : FormOpening;

    public sealed record Slow : FormOpening;
}

/// <summary>
/// Opens form pages and collects their answers. Opening checks, once per form, that the run is the
/// person's own and still waiting for answers; the engine checks again when the answers arrive.
/// </summary>
internal sealed class FormOpener(
    DiscordConversation conversation, IConversationViews views, FlowCatalog flows, FormSessions sessions, TimeProvider time)
{
    /// <summary>How long opening waits for the engine's lookup: the modal itself must reach Discord within 3 seconds.</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>The modal for a page, or why there is none (closed, someone else's, unknown; or the database was slow).</summary>
    public async Task<FormOpening> OpenAsync(InteractionOrigin origin, FormPageRef page, CancellationToken ct)
    {
        if (flows.Find(page.Flow) is not { } flow || !FormPages.IsValidPage(flow, page.Page))
        {
            return new FormOpening.Unavailable();
        }

        var session = sessions.Find(origin.Sender.UserId, page.RunId);
        if (session is null)
        {
            // The engine's store may do its I/O synchronously (SQLite does): only on a thread of its own can the lookup be waited for with a limit.
            var lookup = Task.Run(() => OpenSessionAsync(origin.Sender, page, ct), ct);
            try
            {
                session = await lookup.WaitAsync(LookupTimeout, time, ct);
            }
            catch (TimeoutException)
            {
                // The lookup carries on and leaves the session ready for the next press; a failure then has no one to tell.
                _ = lookup.ContinueWith(static done => done.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return new FormOpening.Slow();
            }

            if (session is null)
            {
                return new FormOpening.Unavailable();
            }
        }

        return new FormOpening.Ready(ModalBuilder.Build(flow, page.RunId, page.Page, session.PersonName, session.Answers));
    }

    public FormStep Submit(InteractionOrigin origin, FormPageRef page, IReadOnlyDictionary<string, string?> submitted)
    {
        if (flows.Find(page.Flow) is not { } flow || !FormPages.IsValidPage(flow, page.Page))
        {
            return new FormStep.Unavailable();
        }

        // A page may only answer its own questions; anything else in the submit is ignored.
        var onPage = FormPages.Page(flow, page.Page).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var session = sessions.Find(origin.Sender.UserId, page.RunId) ?? sessions.Open(origin.Sender.UserId, page.RunId, null);
        session.Save(submitted.Where(a => onPage.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value));

        var total = FormPages.Count(flow);
        return page.Page + 1 < total
            ? new FormStep.NextPage(page with { Page = page.Page + 1 }, page.Page + 1, total)
            : new FormStep.Complete(new FormInput(page.RunId, session.Answers.ToDictionary(a => a.Key, a => a.Value)));
    }

    /// <summary>Forgets a form's answers once the engine has taken them.</summary>
    public void Close(InteractionOrigin origin, int runId) => sessions.Close(origin.Sender.UserId, runId);

    /// <summary>Starts the form's session once the run proves to be this person's and still active; null otherwise.</summary>
    private async Task<FormSessions.Session?> OpenSessionAsync(DiscordSender sender, FormPageRef page, CancellationToken ct)
    {
        // The same address the engine will see the answers come from, so a form that opens is one it will take.
        var address = await conversation.AddressOfAsync(sender, ct);
        return await views.DescribeFormAsync(address, page.RunId, ct) is { } form && form.Flow.Name == page.Flow
            ? sessions.Open(sender.UserId, page.RunId, form.PersonName)
            : null;
    }
}
