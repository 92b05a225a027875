using System.Globalization;

namespace OneOnOne.Core.Meetings;

/// <summary>What the bot knows when it drafts an invitation to a 1:1.</summary>
/// <param name="PersonName">Who is being invited, as the organizer wrote the name; greeted by the first name.</param>
/// <param name="OrganizerName">Who is inviting, by their own name; null when we don't know it (the message is then unsigned).</param>
/// <param name="Connection">
/// How the organizer knows them, either as a phrase ("we met at the kickoff", "Maria suggested I get in touch")
/// or just the occasion ("the kickoff"); null when there is none. Left out when it speaks of the person
/// ("her office"): then it's the organizer's note about them, not words to send them.
/// </param>
/// <param name="Purpose">
/// Why the organizer wants to meet, in their own words, best as something to do together ("hear how you got
/// involved with the food bank"); null for the general first-meeting wording.
/// </param>
/// <param name="LocalStart">Proposed start in the organizer's own time zone.</param>
/// <param name="Minutes">Proposed length.</param>
/// <param name="Place">Proposed place; null lets the other person choose.</param>
/// <param name="MetBefore">They've held a 1:1 before, so this one follows up rather than introduces.</param>
/// <param name="ReferredBy">
/// Who suggested the organizer talk with them, from the organizer's own record; named in a first invitation,
/// since a name they know is the best reason to say yes (METHOD.md §9).
/// </param>
public sealed record InvitationDetails(
    string PersonName,
    string? OrganizerName,
    string? Connection,
    string? Purpose,
    DateTime LocalStart,
    int Minutes,
    string? Place,
    bool MetBefore = false,
    string? ReferredBy = null);

/// <summary>
/// Drafts the message an organizer copies and sends to ask for a 1:1 (METHOD.md §3): who they are, how they know
/// the person, a general reason to meet, a concrete proposal, and an easy way to say yes or suggest another time.
/// </summary>
public static class InvitationDraft
{
    // A first meeting is about the relationship, not a pitch, so the default reason stays general.
    private const string GeneralPurpose =
        "I'm getting to know people who care about this community, and I'd love to hear what matters to you "
        + "and tell you a little about why I got involved.";

    private const string FollowUpPurpose = "I'd love to pick up where we left off and hear how things have been going.";

    private static readonly HashSet<string> MeetingPrepositions =
        new(["at", "in", "on", "through", "from", "via", "during", "after"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Articles = new(["the", "a", "an"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> FirstPersonWords = new(
        ["i", "i'm", "i'd", "i've", "me", "my", "we", "we're", "we've", "us", "our", "you", "you're", "your"],
        StringComparer.OrdinalIgnoreCase);

    // Words that speak of the invitee rather than to them: a connection using them is a note, not a greeting.
    private static readonly HashSet<string> ThirdPersonWords =
        new(["she", "she's", "her", "hers", "herself", "he", "he's", "him", "his", "himself"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> PlacePrepositions =
        new(["at", "in", "on", "over", "by", "via", "near", "online"], StringComparer.OrdinalIgnoreCase);

    public static string Write(InvitationDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);

        var person = FirstName(d.PersonName) ?? "there";
        var organizer = Blank(d.OrganizerName) ? null : d.OrganizerName!.Trim();
        var parts = new List<string>();
        if (d.MetBefore)
        {
            // They know each other now: no introduction and no "we met at", just picking the thread back up.
            parts.Add(organizer is null ? $"Hi {person}!" : $"Hi {person}, it's {organizer}.");
            parts.Add("It was good to talk last time.");
        }
        else
        {
            parts.Add(organizer is null ? $"Hi {person}!" : $"Hi {person}, this is {organizer}.");
            var connection = !Blank(d.Connection) && !SpeaksOfThem(d.Connection!) ? d.Connection!.Trim() : null;
            if (connection is not null)
            {
                parts.Add(ConnectionSentence(connection));
            }

            if (!Blank(d.ReferredBy) && !Names(connection, d.ReferredBy!))
            {
                parts.Add($"{d.ReferredBy!.Trim()} suggested I talk with you.");
            }
        }

        parts.Add(!Blank(d.Purpose) ? PurposeSentence(d.Purpose!.Trim()) : d.MetBefore ? FollowUpPurpose : GeneralPurpose);

        // Invariant culture: the bot writes English, whatever the server's locale.
        var when = d.LocalStart.ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture);
        // The method wants 1:1s face to face; when the organizer has chosen a call, the draft doesn't pretend otherwise.
        parts.Add(MeetingSetupAdvice.ReadsAsCall(d.Place)
            ? $"Could we talk for {Length(d.Minutes)} on {when}, {CallPhrase(d.Place!)}?"
            : $"Could we meet face to face for {Length(d.Minutes)} on {when}, {PlacePhrase(d.Place)}?");

        // Asking, not telling: the method wants the other person to be free to say yes or offer another time.
        parts.Add("Would that work for you? If not, tell me what would suit you better and I'll fit around it.");

        return string.Join(' ', parts);
    }

    private static string ConnectionSentence(string connection)
    {
        var first = FirstWord(connection);
        if (MeetingPrepositions.Contains(first))
        {
            return $"We met {LowerFirst(TrimEnd(connection))}.";
        }

        if (Articles.Contains(first))
        {
            return $"We met at {LowerFirst(TrimEnd(connection))}.";
        }

        // "we met at the rally", "Maria suggested I get in touch": the organizer already wrote a sentence.
        if (Words(connection).Any(FirstPersonWords.Contains))
        {
            return AsSentence(connection);
        }

        // A bare occasion such as "kickoff" or "Maria's barbecue".
        return $"We met at {TrimEnd(connection)}.";
    }

    private static string PurposeSentence(string purpose)
    {
        var first = FirstWord(purpose);
        if (FirstPersonWords.Contains(first))
        {
            return AsSentence(purpose);
        }

        if (first.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return $"I'd love to get together {LowerFirst(TrimEnd(purpose))}.";
        }

        if (first.Equals("because", StringComparison.OrdinalIgnoreCase))
        {
            return $"I'm reaching out {LowerFirst(TrimEnd(purpose))}.";
        }

        return $"I'd love to get together to {LowerFirst(TrimEnd(purpose))}.";
    }

    private static string PlacePhrase(string? place)
    {
        if (Blank(place))
        {
            return "somewhere that suits you";
        }

        var trimmed = AddressedToThem(TrimEnd(place!.Trim()));
        return PlacePrepositions.Contains(FirstWord(trimmed)) ? trimmed : $"at {trimmed}";
    }

    /// <summary>"Zoom" → "on Zoom", "the phone" → "on the phone"; "over Zoom" stays as typed.</summary>
    private static string CallPhrase(string place)
    {
        var trimmed = TrimEnd(place.Trim());
        return PlacePrepositions.Contains(FirstWord(trimmed)) ? trimmed : $"on {trimmed}";
    }

    /// <summary>The organizer's connection already names the referrer ("Maria suggested I get in touch").</summary>
    private static bool Names(string? connection, string referrer) =>
        !Blank(connection) && FirstName(referrer) is { } first && Words(connection!).Contains(first, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "her office" → "your office": the organizer names the place as they think of it, about the invitee;
    /// the invitation speaks to the invitee.
    /// </summary>
    private static string AddressedToThem(string place) =>
        string.Join(' ', place.Split(' ').Select(word => word.ToLowerInvariant() switch
        {
            "her" or "his" or "their" => "your",
            "hers" or "theirs" => "yours",
            _ => word,
        }));

    private static string Length(int minutes) => minutes switch
    {
        60 => "about an hour",
        _ => $"about {minutes} minutes",
    };

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>"Maria Lopez" → "Maria": a chat invitation greets people by their first name.</summary>
    private static string? FirstName(string? name) =>
        Blank(name) ? null : name!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];

    private static bool SpeaksOfThem(string text) => Words(text).Any(ThirdPersonWords.Contains);

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', '.', ';', ':', '!', '?', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace('\u2019', '\''));

    private static string FirstWord(string text) => Words(text).FirstOrDefault() ?? "";

    private static string TrimEnd(string text) => text.TrimEnd('.', ' ', ';', ',');

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string AsSentence(string text)
    {
        var trimmed = text.TrimEnd(' ', ';', ',');
        var capitalised = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return capitalised.EndsWith('.') || capitalised.EndsWith('!') || capitalised.EndsWith('?')
            ? capitalised
            : capitalised + ".";
    }
}
