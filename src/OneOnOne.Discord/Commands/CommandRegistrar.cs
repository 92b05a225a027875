using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Discord.Rest;

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

    [LoggerMessage(Level = LogLevel.Information, Message = "/one-on-one is already registered ({Scope}); nothing to update")]
    private partial void LogCurrent(string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered /one-on-one globally; Discord apps may take a moment to show the change")]
    private partial void LogRegisteredGlobally();

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered /one-on-one in server {GuildId}")]
    private partial void LogRegisteredInGuild(string guildId);
}
