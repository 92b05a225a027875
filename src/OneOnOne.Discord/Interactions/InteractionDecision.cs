using OneOnOne.Discord.Api;

namespace OneOnOne.Discord.Interactions;

/// <summary>
/// The first answer to an interaction, whichever way it travels: the HTTP response body, or a
/// callback over REST for the Gateway.
/// </summary>
internal sealed record InteractionDecision(InteractionResponse? Response, bool Duplicate = false, bool Malformed = false)
{
    public static readonly InteractionDecision Invalid = new(null, Malformed: true);
}
