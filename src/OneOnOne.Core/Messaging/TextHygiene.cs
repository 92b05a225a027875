using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OneOnOne.Core.Messaging;

/// <summary>
/// What the bot keeps of text a person sent: what they can see, never what they can't. Invisible characters
/// (zero-width spaces, bidi overrides, byte-order marks, soft hyphens), control characters and terminal escape
/// sequences are removed, every kind of space reads as a plain one, and letters are stored composed (NFC), so
/// “Maria\u200B Lopez” is “Maria Lopez” and nothing typed can ring a bell, recolour a terminal or reverse a line.
/// Meaning is kept: line breaks and tabs, emoji sequences (👩‍👩‍👧 and flags are held together by joiners and tags)
/// and the joiners Persian and Indic writing need.
/// </summary>
public static partial class TextHygiene
{
    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;
    private const int WavingBlackFlag = 0x1F3F4;
    private const int TagFirst = 0xE0020;
    private const int CancelTag = 0xE007F;

    /// <summary>Printable ASCII, line breaks and tabs: text made only of these has nothing to remove.</summary>
    private static readonly SearchValues<char> PlainText = SearchValues.Create(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n\t");

    /// <summary>
    /// Free text: a note, an answer, a command. Lines and tabs stay; within a line a run of spaces becomes one;
    /// the ends are trimmed.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAlreadyClean(text))
        {
            return text; // Nearly everything people type: no copy.
        }

        var visible = KeepVisible(TerminalEscape().Replace(text, string.Empty)).Normalize(NormalizationForm.FormC);
        return CollapseSpaces(visible).Trim(' ', '\n', '\t');
    }

    /// <summary>A one-line value, such as a name: as <see cref="Clean"/>, with line breaks and tabs read as spaces too.</summary>
    public static string Line(string text)
    {
        var clean = Clean(text);
        return clean.AsSpan().IndexOfAny('\n', '\t') < 0 ? clean : CollapseSpaces(clean.Replace('\n', ' ').Replace('\t', ' ')).Trim();
    }

    /// <summary>
    /// <paramref name="text"/> (already <see cref="Clean"/>) without the joiners and tags free text keeps: for comparing
    /// names, where they can only hide a difference.
    /// </summary>
    public static string WithoutJoiners(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!MayJoin(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }

    /// <summary>Plain ASCII without a doubled space or a padded end needs no work.</summary>
    private static bool IsAlreadyClean(string text) =>
        !text.AsSpan().ContainsAnyExcept(PlainText)
        && !text.Contains("  ", StringComparison.Ordinal)
        && !text.Contains(" \n", StringComparison.Ordinal)
        && text.Trim(' ', '\n', '\t').Length == text.Length;

    /// <summary>Drops what can't be seen, keeping a joiner or an emoji tag only where it joins something.</summary>
    private static string KeepVisible(string text)
    {
        var runes = new List<Rune>(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length) != OperationStatus.Done)
            {
                index += Math.Max(length, 1); // A lone surrogate is not a character at all.
                continue;
            }

            index += length;
            if (rune.Value is '\r')
            {
                // \r\n and a lone \r are one line break; so are the Unicode line and paragraph separators.
                if (index < text.Length && text[index] == '\n')
                {
                    continue;
                }

                rune = new Rune('\n');
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                runes.Add(new Rune('\n'));
            }
            else if (category is UnicodeCategory.SpaceSeparator)
            {
                runes.Add(new Rune(' '));
            }
            else if (category is UnicodeCategory.Control ? rune.Value is '\n' or '\t' : category is not UnicodeCategory.Format || MayJoin(rune))
            {
                runes.Add(rune);
            }
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < runes.Count; i++)
        {
            if (!MayJoin(runes[i]) || Joins(runes, i))
            {
                kept.Append(runes[i].ToString());
            }
        }

        return kept.ToString();
    }

    private static bool MayJoin(Rune rune) => rune.Value is ZeroWidthJoiner or ZeroWidthNonJoiner || IsTag(rune);

    private static bool IsTag(Rune rune) => rune.Value is >= TagFirst and <= CancelTag;

    /// <summary>
    /// A joiner shapes what it sits between only in emoji and in scripts such as Persian and Devanagari; between
    /// Latin letters, or next to a space, it does nothing but hide a difference. Tags only spell out a flag (🏴 + tags).
    /// </summary>
    private static bool Joins(List<Rune> runes, int at)
    {
        if (IsTag(runes[at]))
        {
            var before = at - 1;
            while (before >= 0 && IsTag(runes[before]))
            {
                before--;
            }

            return before >= 0 && runes[before].Value == WavingBlackFlag;
        }

        if (at == 0 || at == runes.Count - 1)
        {
            return false;
        }

        var (previous, next) = (runes[at - 1], runes[at + 1]);
        return IsShown(previous) && IsShown(next) && !(IsLatin(previous) && IsLatin(next));
    }

    private static bool IsShown(Rune rune) =>
        !Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.Control);

    /// <summary>Basic and extended Latin, with its combining accents, and the Vietnamese additions.</summary>
    private static bool IsLatin(Rune rune) => rune.Value is < 0x0370 or (>= 0x1E00 and <= 0x1EFF);

    /// <summary>Within each line, a run of spaces becomes one and none is left at the line's end.</summary>
    private static string CollapseSpaces(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && collapsed.Length > 0 && collapsed[^1] == ' ')
            {
                continue;
            }

            if (c == '\n' && collapsed.Length > 0 && collapsed[^1] == ' ')
            {
                collapsed.Length--;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }

    /// <summary>
    /// Terminal escapes, whole: colour and cursor sequences (ESC [ … letter), titles and links (ESC ] … BEL or
    /// ESC \), and two-character escapes. Removing only the ESC would leave “[31m” in the text.
    /// </summary>
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)?|[@-Z\\-_])?")]
    private static partial Regex TerminalEscape();
}
