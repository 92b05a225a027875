using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Interactions;

namespace OneOnOne.Discord.Forms;

/// <summary>What a submitted form page leads to: another page to open, or all answers for the engine.</summary>
internal abstract record FormStep
{
    public sealed record NextPage(FormPageRef Page, int Done, int Total) : FormStep;

    public sealed record Complete(FormInput Input) : FormStep;

    public sealed record Unavailable : FormStep;
}

/// <summary>
/// Opens form pages and collects their answers. Opening checks, once per form, that the run is the
/// person's own and still waiting for answers; the engine checks again when the answers arrive.
/// </summary>
internal sealed class FormOpener(IServiceScopeFactory scopes, FlowCatalog flows, FormSessions sessions)
{
    /// <summary>The modal for a page; null when the form can't be opened (closed, someone else's, unknown).</summary>
    public async Task<Api.InteractionCallbackData?> OpenAsync(InteractionOrigin origin, FormPageRef page, CancellationToken ct)
    {
        if (flows.Find(page.Flow) is not { } flow || !FormPages.IsValidPage(flow, page.Page))
        {
            return null;
        }

        var session = sessions.Find(origin.Sender.UserId, page.RunId);
        if (session is null)
        {
            if (await ReadRunAsync(origin.Sender.UserId, page, ct) is not { } run)
            {
                return null;
            }

            session = sessions.Open(origin.Sender.UserId, page.RunId, run.PersonName);
        }

        return ModalBuilder.Build(flow, page.RunId, page.Page, session.PersonName, session.Answers);
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

    private async Task<(string? PersonName, int RunId)?> ReadRunAsync(string userId, FormPageRef page, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOneOnOneStore>();
        var run = await store.FlowRuns
            .Where(r => r.Id == page.RunId && r.Flow == page.Flow && r.Status == FlowStatus.Active)
            .Join(store.Organizers, r => r.OrganizerId, o => o.Id, (r, o) => new { r.PersonId, o.ExternalUserId, o.Team.Platform })
            .FirstOrDefaultAsync(ct);
        if (run is null || run.ExternalUserId != userId || run.Platform != DiscordConversation.Platform)
        {
            return null;
        }

        var name = run.PersonId is { } personId
            ? await store.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : null;
        return (name, page.RunId);
    }
}
