using System.Globalization;

namespace OneOnOne.Core.People;

/// <summary>
/// Whether a typed entry reads like someone's name, so a stray sentence ("she talked 70% of the time") or an
/// emoji never becomes a person on a list. Generous with real names: accents, hyphens, apostrophes, titles
/// and initials ("Dr.", "J."), particles ("de la", "van", "al-"), and scripts without capital letters.
/// </summary>
public static class NameShape
{
    /// <summary>Longer than this is a sentence, not a name ("Dr. María de la Cruz" is five).</summary>
    public const int MaxWords = 5;

    /// <summary>Longest piece before a period: a title or an initial ("Dr.", "Jr.", "J."), not a word ending a sentence.</summary>
    private const int MaxAbbreviation = 3;

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "bin", "binti", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "e", "el",
        "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
    };

    public static bool LooksLikeName(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var trimmed = entry.Trim();
        if (PersonReference.LooksLikeToken(trimmed))
        {
            return true; // #12 or a platform mention: someone the platform already knows.
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length is > 0 and <= MaxWords && words.Select((word, i) => WordFits(word, first: i == 0)).All(fits => fits);
    }

    private static bool WordFits(string word, bool first)
    {
        if (!word.All(c => char.IsLetter(c) || IsMark(c) || c is '-' or '\'' or '’' or '.'))
        {
            return false;
        }

        if (word.Contains('.', StringComparison.Ordinal)
            && word.Split('.', StringSplitOptions.RemoveEmptyEntries).Any(piece => piece.Length > MaxAbbreviation))
        {
            return false;
        }

        var letters = word.Where(char.IsLetter).ToList();
        if (letters.Count == 0)
        {
            return false;
        }

        // A name's words start with a capital; in a sentence most words don't. Scripts without case always pass.
        return !char.IsLower(letters[0])
               || CapitalAfterJoin(word)
               || (!first && Particles.Contains(word.ToLowerInvariant()));
    }

    /// <summary>"al-Hassan", "d'Souza": a lower-case particle joined to a capitalised name.</summary>
    private static bool CapitalAfterJoin(string word)
    {
        var join = word.IndexOfAny(['-', '\'', '’']);
        return join > 0 && join + 1 < word.Length && char.IsUpper(word[join + 1]);
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
