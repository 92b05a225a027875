using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Settings;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;

namespace OneOnOne.Slack;

/// <summary>
/// Checks the bot token with auth.test before anything listens. A token Slack refuses stops start-up
/// with a message about the setting; Slack being unreachable only warns, since it may come back.
/// </summary>
internal sealed partial class SlackStartup(
    SlackApiClient api, SlackIdentity identity, SlackReadiness readiness, IOptions<SlackOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SlackStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await api.AuthTestAsync(cancellationToken);
            identity.Set(me.UserId, me.TeamId, me.TeamName, me.UserName);
            LogConnected(me.TeamName ?? me.TeamId, me.UserId);
            if (options.Value.Transport == SlackTransport.Http)
            {
                // Slack reaches the bot at its Request URLs once the host listens; Socket Mode says ready once its socket is open.
                lifetime.ApplicationStarted.Register(() => readiness.Ready("at the Request URLs (/slack/commands, /slack/interactions, /slack/events)"));
            }
        }
        catch (SlackApiException exception) when (exception.IsAuthenticationError)
        {
            throw new StartupFailure(
                $"Slack refused Slack:BotToken ({exception.Error}). Copy the Bot User OAuth Token (xoxb-…) again from your app's " +
                "page at api.slack.com/apps, under OAuth & Permissions, and make sure the app is installed in the workspace.", exception);
        }
        catch (SlackApiException exception)
        {
            LogUnreachable(exception.Error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Slack workspace {Team} as {BotUser}")]
    private partial void LogConnected(string team, string botUser);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the Slack token at start ({Error}); carrying on and trying again as people write")]
    private partial void LogUnreachable(string error);
}
