using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Storage;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Requests;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Conversation;

/// <summary>Opens a flow run as a modal, after checking the run is still open and belongs to whoever asked.</summary>
public sealed partial class SlackForms(
    IServiceScopeFactory scopes, SlackFlowCatalog flows, SlackApiClient api, ILogger<SlackForms> logger)
{
    /// <summary>False when the run is closed, someone else's, or Slack refused the trigger (expired, used).</summary>
    public async Task<bool> OpenAsync(SlackActor actor, int runId, string triggerId, CancellationToken ct)
    {
        if (await FindAsync(actor, runId, ct) is not var (flow, personName))
        {
            return false;
        }

        try
        {
            await api.OpenViewAsync(triggerId, SlackFormBuilder.Build(flow, SlackFormState.Start(runId), personName), ct);
            return true;
        }
        catch (SlackApiException exception)
        {
            LogOpenFailed(exception.Error);
            return false;
        }
    }

    /// <summary>The flow and person of an active run of <paramref name="actor"/>'s, or null.</summary>
    public async Task<(FlowDefinition Flow, string? PersonName)?> FindAsync(SlackActor actor, int runId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOneOnOneStore>();
        var run = await store.FlowRuns
            .Where(r => r.Id == runId && r.Status == FlowStatus.Active)
            .Join(store.Organizers, r => r.OrganizerId, o => o.Id, (r, o) => new
            {
                r.Flow,
                r.PersonId,
                o.ExternalUserId,
                o.Team.Platform,
                Workspace = o.Team.ExternalId,
            })
            .SingleOrDefaultAsync(ct);
        if (run is null || run.Platform != SlackConversation.PlatformKey || run.Workspace != actor.TeamId
            || run.ExternalUserId != actor.UserId || flows.Find(run.Flow) is not { } flow)
        {
            return null;
        }

        var personName = run.PersonId is { } personId
            ? await store.People.Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(ct)
            : null;
        return (flow, personName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack would not open the form ({Error})")]
    private partial void LogOpenFailed(string error);
}
