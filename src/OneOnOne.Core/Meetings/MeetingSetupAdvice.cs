namespace OneOnOne.Core.Meetings;

/// <summary>
/// What the guides teach about where and how long a 1:1 is (METHOD.md §3 and §9): face to face, since a call is
/// for setting it up and a relationship isn't built over the phone; half an hour or more, rarely under 20 minutes;
/// never much over an hour. The organizer decides: these are notes beside a booking, never a refusal.
/// </summary>
public static class MeetingSetupAdvice
{
    /// <summary>Under this a 1:1 rarely gets past the introductions.</summary>
    public const int ShortMinutes = 20;

    /// <summary>The guides' ceiling for a 1:1; longer ones tire both people.</summary>
    public const int LongMinutes = 60;

    private const string CallNote =
        "That sounds like a call. If you can, meet in person: a call is fine for setting it up, but people open up "
        + "and trust grows face to face, ideally somewhere they feel at ease. It's booked as you asked; you know them best.";

    private const string ShortNote =
        "That's short for a 1:1. Give it at least half an hour if you can: it takes a while to get past the "
        + "introductions to what really matters to them. It's booked as you asked.";

    private const string LongNote =
        "That's over an hour. A 1:1 usually takes 30 to 45 minutes and shouldn't run past an hour: if there's more to say, "
        + "agree when you'll meet again. It's booked as you asked.";

    // Whole words only, so "Calloway Street" or "the Zoomers cafe" stay places.
    private static readonly HashSet<string> CallWords = new(
        ["zoom", "phone", "telephone", "call", "calls", "teams", "facetime", "whatsapp", "video", "videocall", "skype",
         "webex", "hangouts", "online", "virtual", "virtually"],
        StringComparer.OrdinalIgnoreCase);

    // Link fragments whose words alone don't say "call" ("meet.google.com" splits into "meet" and "google").
    private static readonly string[] CallLinks = ["meet.google", "wa.me"];

    /// <summary>The place reads as a call or video rather than somewhere to sit down together.</summary>
    public static bool ReadsAsCall(string? place) =>
        !string.IsNullOrWhiteSpace(place)
        && (CallLinks.Any(link => place.Contains(link, StringComparison.OrdinalIgnoreCase))
            || place.Split(WordBreaks(place), StringSplitOptions.RemoveEmptyEntries).Any(CallWords.Contains));

    /// <summary>
    /// The notes a booking earns, each said once: a move that keeps the same kind of place or length (a call
    /// moved to another call, a short 1:1 moved and still short) has heard it already.
    /// </summary>
    /// <param name="before">The booking's place and length before this change; null for a new booking.</param>
    public static IEnumerable<string> Notes(string? place, int minutes, (string? Place, int Minutes)? before)
    {
        var now = (Place: place, Minutes: minutes);
        bool Newly(Func<(string? Place, int Minutes), bool> applies) => applies(now) && !(before is { } then && applies(then));

        if (Newly(setup => ReadsAsCall(setup.Place)))
        {
            yield return CallNote;
        }

        if (Newly(setup => setup.Minutes < ShortMinutes))
        {
            yield return ShortNote;
        }

        if (Newly(setup => setup.Minutes > LongMinutes))
        {
            yield return LongNote;
        }
    }

    /// <summary>Anything that isn't a letter or digit separates words, so links and "phone/video" split too.</summary>
    private static char[] WordBreaks(string text) =>
        text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray();
}
