using System.Globalization;
using System.Text.RegularExpressions;

namespace OneOnOne.Core.People;

/// <summary>
/// How a person is named in a command: <c>#12</c> (an id, as buttons send it), a platform mention
/// (<c>&lt;@U123&gt;</c>, <c>&lt;@U123|maria&gt;</c>, <c>&lt;@!123&gt;</c>), or a plain name.
/// </summary>
public sealed partial record PersonReference(int? Id, string? MentionId, string Name)
{
    public static PersonReference Parse(string text)
    {
        var trimmed = text.Trim().Trim('"', '“', '”');
        if (trimmed.Length > 1 && trimmed[0] == '#'
            && int.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new PersonReference(id, null, trimmed);
        }

        var mention = MentionPattern().Match(trimmed);
        if (mention.Success)
        {
            var label = mention.Groups["label"].Success ? mention.Groups["label"].Value : "@" + mention.Groups["id"].Value;
            return new PersonReference(null, mention.Groups["id"].Value, label);
        }

        return new PersonReference(null, null, trimmed);
    }

    public static bool LooksLikeToken(string token) => token.StartsWith('#') || MentionPattern().IsMatch(token);

    [GeneratedRegex(@"^<@!?(?<id>[A-Za-z0-9]+)(\|(?<label>[^>]+))?>$")]
    private static partial Regex MentionPattern();
}
