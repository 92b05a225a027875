using System.Globalization;
using System.Text.Json;

namespace OneOnOne.Discord.Parsing;

/// <summary>
/// The two things needed to answer an interaction, found in its raw JSON when the interaction as a whole
/// can't be read: its id (a snowflake, which Discord writes as a string; a number is taken too) and its token.
/// </summary>
internal static class InteractionKeys
{
    public static bool TryFind(JsonElement raw, out string id, out string token)
    {
        id = string.Empty;
        token = string.Empty;
        if (raw.ValueKind != JsonValueKind.Object
            || !raw.TryGetProperty("id", out var idValue)
            || !raw.TryGetProperty("token", out var tokenValue) || tokenValue.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var candidate = idValue.ValueKind switch
        {
            JsonValueKind.String => idValue.GetString(),
            JsonValueKind.Number when idValue.TryGetUInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (!Snowflake.IsValid(candidate) || tokenValue.GetString() is not { Length: > 0 } found)
        {
            return false;
        }

        (id, token) = (candidate!, found);
        return true;
    }
}
