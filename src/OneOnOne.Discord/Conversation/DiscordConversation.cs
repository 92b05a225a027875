using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Discord.Conversation;

/// <summary>
/// Hands one Discord input to the engine, in a DI scope of its own. A person's "team" on Discord is
/// the server (guild) they use the bot in. A DM has no server, so it belongs to the server where
/// they last used the bot; someone who has only ever talked to the bot in DMs is in a team of their
/// own, keyed <see cref="DirectMessageWorkspace"/>.
/// </summary>
internal sealed class DiscordConversation(IServiceScopeFactory scopes, IConversationViews views)
{
    public const string Platform = "discord";
    public const string DirectMessageWorkspace = "dm";

    public async Task<IReadOnlyList<Outbound>> HandleAsync(DiscordSender sender, Input input, string eventId, CancellationToken ct)
    {
        // Discord tells no one's time zone: organizers set theirs with `timezone`.
        var inbound = new Inbound(await AddressOfAsync(sender, ct), sender.DisplayName, input, eventId, TimeZone: null);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationEngine>().HandleAsync(inbound, ct);
    }

    /// <summary>Where <paramref name="sender"/> is, as the engine knows them: their server, or for a DM the one they last used the bot in.</summary>
    public async Task<Address> AddressOfAsync(DiscordSender sender, CancellationToken ct) =>
        new(Platform, sender.GuildId ?? await views.FindHomeWorkspaceAsync(Platform, sender.UserId, ct) ?? DirectMessageWorkspace, sender.UserId);

    /// <summary>
    /// The engine's answer when it needs nothing stored (help, an unknown word), or null. Which server a DM
    /// belongs to makes no difference to those, so none is looked up.
    /// </summary>
    public IReadOnlyList<Outbound>? TryAnswerAtOnce(DiscordSender sender, Input input)
    {
        using var scope = scopes.CreateScope();
        var inbound = new Inbound(new Address(Platform, sender.GuildId ?? DirectMessageWorkspace, sender.UserId), sender.DisplayName, input);
        return scope.ServiceProvider.GetRequiredService<IConversationEngine>().TryAnswerAtOnce(inbound);
    }
}
