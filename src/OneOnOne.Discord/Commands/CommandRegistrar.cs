using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Discord.Api;

namespace OneOnOne.Discord.Commands;

/// <summary>
/// Makes Discord's copy of <c>/one-on-one</c> match <see cref="CommandCatalog"/>: reads what is
/// registered and overwrites it only when it differs, since every overwrite counts toward Discord's
/// daily command-creation limit. Globally by default; in one server with <c>Discord:GuildId</c>,
/// where changes show at once.
/// </summary>
internal sealed partial class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    /// <returns>True when the commands were overwritten, false when they were already current.</returns>
    public async Task<bool> EnsureRegisteredAsync(CancellationToken ct)
    {
        var applicationId = options.Value.ApplicationId!;
        var guildId = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId.Trim();
        var wanted = CommandCatalog.All;
        var registered = await rest.GetCommandsAsync(applicationId, guildId, ct);
        if (guildId is null)
        {
            await RemoveServerCopiesAsync(applicationId, ct);
        }

        if (CommandComparer.AreSame(registered, wanted))
        {
            LogCurrent(guildId ?? "global");
            return false;
        }

        await rest.OverwriteCommandsAsync(applicationId, guildId, wanted, ct);
        if (guildId is null)
        {
            LogRegisteredGlobally();
        }
        else
        {
            LogRegisteredInGuild(guildId);
        }

        return true;
    }

    /// <summary>
    /// Registered globally, the bot removes the copies it registered in single servers while <c>Discord:GuildId</c>
    /// was set: otherwise that server shows <c>/one-on-one</c> twice. Only servers whose commands are all ours
    /// (what <see cref="CommandCatalog.All"/> would have put there) are cleared; anything else is left and logged.
    /// </summary>
    private async Task RemoveServerCopiesAsync(string applicationId, CancellationToken ct)
    {
        var ours = CommandCatalog.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var guild in await rest.GetCurrentUserGuildsAsync(ct))
        {
            if (!Snowflake.IsValid(guild.Id))
            {
                continue;
            }

            var copies = await rest.GetCommandsAsync(applicationId, guild.Id, ct);
            if (copies.Count == 0)
            {
                continue;
            }

            if (copies.All(c => ours.Contains(c.Name)))
            {
                await rest.OverwriteCommandsAsync(applicationId, guild.Id, [], ct);
                LogRemovedServerCopy(guild.Id);
            }
            else
            {
                LogServerCopyKept(guild.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the server copy of /one-on-one in {GuildId}, left from when Discord:GuildId was set")]
    private partial void LogRemovedServerCopy(string guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Server {GuildId} has commands of this application that aren't /one-on-one; left as they are")]
    private partial void LogServerCopyKept(string guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "/one-on-one is already registered ({Scope}); nothing to update")]
    private partial void LogCurrent(string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered /one-on-one globally; Discord apps may take a moment to show the change")]
    private partial void LogRegisteredGlobally();

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered /one-on-one in server {GuildId}")]
    private partial void LogRegisteredInGuild(string guildId);
}
