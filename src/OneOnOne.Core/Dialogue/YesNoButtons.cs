using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Dialogue;

/// <summary>A question a command asked with a Yes and a No button (a flow's questions answer themselves).</summary>
public sealed record YesNoButtons(Button Yes, Button No);
