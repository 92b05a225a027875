using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Acknowledgement;

/// <summary>
/// The first answer to an interaction, whichever way it travels: the HTTP response body, or a
/// callback over REST for the Gateway. A duplicate whose first answer isn't ready yet has none.
/// </summary>
internal sealed record InteractionDecision(InteractionResponse? Response, bool Duplicate = false);
