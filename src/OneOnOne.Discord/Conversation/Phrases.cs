namespace OneOnOne.Discord.Conversation;

/// <summary>What the adapter itself says to people, when the engine isn't the one talking.</summary>
internal static class Phrases
{
    public const string Busy =
        "I'm swamped right now and couldn't take that in. Please try again in a minute.";

    // Shown both when a stored button key has expired (after a day) and when a restart lost it.
    public const string LostButton =
        "That button has expired. Type the command again, or `/one-on-one continue` to pick up where you left off.";

    public const string UnknownCommand = "I don't know that command. `/one-on-one help` shows everything I can do.";

    // A request Discord sent that the bot can't read, or a kind it doesn't handle (a new interaction or component type).
    public const string Unreadable =
        "Sorry, I couldn't make sense of that one, so nothing has changed. Please try again, or `/one-on-one help` shows everything I can do.";

    public const string FormClosed =
        "Those questions are already closed, so there's no form to fill in. `/one-on-one status` shows where you are.";

    public const string FormSlow =
        "That form is taking longer than usual to open. Please press the button again in a moment.";

    public const string SomethingWentWrong =
        "Sorry, something went wrong on my side. What you'd already saved is safe; please try again in a moment.";

    public static string NextFormPage(int done, int total) =>
        $"Saved page {done} of {total}. One more step: press Continue for the rest of the questions.";
}
