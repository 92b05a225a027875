using Microsoft.Extensions.Logging;
using OneOnOne.Core.Engine;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Forms;

/// <summary>Opens a flow run as a modal, after checking the run is still open and belongs to whoever asked.</summary>
public sealed partial class SlackForms(IConversationViews views, SlackApiClient api, ILogger<SlackForms> logger)
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
    public Task<FormView?> FindAsync(SlackActor actor, int runId, CancellationToken ct) =>
        views.DescribeFormAsync(SlackConversation.AddressOf(actor), runId, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack would not open the form ({Error})")]
    private partial void LogOpenFailed(string error);
}
