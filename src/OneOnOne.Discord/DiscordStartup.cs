using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Settings;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Conversation;

namespace OneOnOne.Discord;

/// <summary>
/// Runs before the Gateway connects: checks the token once (a wrong one stops start-up with a clear
/// sentence instead of failing every call later), learns the bot's own user id, and brings the
/// <c>/one-on-one</c> command up to date. A Discord outage here is logged, not fatal: the command is
/// usually registered already.
/// </summary>
internal sealed partial class DiscordStartup(
    DiscordRestClient rest, CommandRegistrar registrar, BotIdentity bot, DiscordReadiness readiness, IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime, ILogger<DiscordStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await rest.GetCurrentUserAsync(cancellationToken);
            bot.UserId = me.Id;
            LogSignedIn(me.Username);
        }
        catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
        {
            throw TokenRejected(exception);
        }
        catch (DiscordApiException exception)
        {
            // The Gateway's READY says who the bot is, too.
            LogStartupCallFailed(exception.Message);
        }

        // The Gateway says ready on READY; without it, Discord reaches the bot at its endpoint once the host listens.
        if (options.Value.ServesHttpInteractions && !options.Value.UseGateway)
        {
            lifetime.ApplicationStarted.Register(() => readiness.Ready("interactions endpoint ready at /discord/interactions"));
        }

        if (!options.Value.RegisterCommands)
        {
            readiness.Commands("/one-on-one registration is off (Discord:RegisterCommands)");
            return;
        }

        var scope = string.IsNullOrWhiteSpace(options.Value.GuildId) ? "(global)" : $"in server {options.Value.GuildId.Trim()}";
        try
        {
            var changed = await registrar.EnsureRegisteredAsync(cancellationToken);
            readiness.Commands(changed ? $"registered /one-on-one {scope}" : $"/one-on-one is registered {scope}");
        }
        catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
        {
            throw TokenRejected(exception);
        }
        catch (DiscordApiException exception) when (exception.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            throw new StartupFailure(
                $"Discord refused to register /one-on-one ({(int)exception.Status!}). Check Discord:ApplicationId (and Discord:GuildId, if set: " +
                "the bot must be in that server, invited with the applications.commands scope). Discord said: " + exception.Message,
                exception);
        }
        catch (DiscordApiException exception)
        {
            LogStartupCallFailed(exception.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static StartupFailure TokenRejected(DiscordApiException exception) => new(
        "Discord rejected the bot token (401). Check Discord:BotToken: copy it again from the Developer Portal (your application → Bot → Reset Token).",
        exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in to Discord as {Username}")]
    private partial void LogSignedIn(string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord couldn't be reached at start ({Reason}); carrying on")]
    private partial void LogStartupCallFailed(string reason);
}
