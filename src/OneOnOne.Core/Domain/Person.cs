using System.Globalization;
using System.Text;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Domain;

/// <summary>
/// Someone the team is building a relationship with. One row per team: the facts here (name and
/// level) are team-visible; what an organizer knows privately, who referred them included, lives in
/// <see cref="Relationship"/>, <see cref="Meeting"/> and <see cref="Reflection"/>.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string Name { get; set; }

    /// <summary>The name as <see cref="Normalize"/> reads it, for matching; <see cref="Name"/> keeps the spelling first given.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>The platform user id when the person was named by a mention.</summary>
    public string? ExternalUserId { get; set; }

    public EngagementLevel? Level { get; set; }

    public int AddedByOrganizerId { get; set; }

    public Organizer AddedBy { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// How a name is compared, wherever it is typed or stored: case, accents, spacing and anything invisible
    /// don't count, so "jose  nunez" is "José Núñez" and "Maria\u200B Lopez" is "Maria Lopez". Accents go by
    /// splitting each letter from its marks and dropping the marks; the split is the compatibility one (NFKD), so
    /// fullwidth "Ｍａｒｉａ" is "maria" too. A typographic apostrophe reads as a plain one.
    /// </summary>
    public static string Normalize(string name)
    {
        var decomposed = TextHygiene.WithoutJoiners(TextHygiene.Line(name)).Normalize(NormalizationForm.FormKD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                letters.Append(c == '\u2019' ? '\'' : c);
            }
        }

        var words = letters.ToString().Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).ToLowerInvariant();
    }
}
