using OneOnOne.Discord.Api;

namespace OneOnOne.Discord.Interactions;

/// <summary>
/// The first answer to an interaction, whichever way it travels: the HTTP response body, or a
/// callback over REST for the Gateway.
/// </summary>
internal sealed record InteractionDecision(InteractionResponse? Response, bool Duplicate = false)
{
    /// <summary>Not an interaction anyone can be answered for: no answer at all.</summary>
    public static readonly InteractionDecision Invalid = new(Response: null);
}
