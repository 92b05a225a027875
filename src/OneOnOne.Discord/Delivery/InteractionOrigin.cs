using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Delivery;

/// <summary>What is needed to answer an interaction later: its id and token (a secret, never logged) and who used it where.</summary>
internal sealed record InteractionOrigin(string Id, string Token, string ApplicationId, DiscordSender Sender)
{
    /// <summary>In a server the bot answers privately (ephemeral); in a DM the conversation is private anyway and should stay in the history.</summary>
    public int? Flags => Sender.GuildId is null ? null : MessageFlags.Ephemeral;

    public static InteractionOrigin? From(Interaction interaction) =>
        interaction.Invoker is { Id.Length: > 0 } user && interaction.Token.Length > 0 && interaction.Id.Length > 0
            ? new InteractionOrigin(interaction.Id, interaction.Token, interaction.ApplicationId,
                new DiscordSender(user.Id, interaction.InvokerName ?? user.Username, string.IsNullOrEmpty(interaction.GuildId) ? null : interaction.GuildId))
            : null;
}
