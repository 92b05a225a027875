using System.Globalization;
using System.Text.RegularExpressions;

namespace OneOnOne.Discord.Forms;

/// <summary>
/// Custom ids of the form machinery: <c>f:&lt;run&gt;:&lt;flow&gt;:&lt;page&gt;</c> on a button opens a
/// page, <c>m:&lt;run&gt;:&lt;flow&gt;:&lt;page&gt;</c> names the modal whose submit brings it back.
/// </summary>
internal static partial class FormIds
{
    public static string OpenButton(int runId, string flow, int page) => Format("f", runId, flow, page);

    public static string Modal(int runId, string flow, int page) => Format("m", runId, flow, page);

    public static bool TryParseOpen(string customId, out FormPageRef page) => TryParse("f", customId, out page);

    public static bool TryParseModal(string customId, out FormPageRef page) => TryParse("m", customId, out page);

    private static string Format(string kind, int runId, string flow, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{runId}:{flow}:{page}");

    private static bool TryParse(string kind, string customId, out FormPageRef page)
    {
        page = default;
        var match = Pattern().Match(customId);
        if (!match.Success || match.Groups["kind"].Value != kind)
        {
            return false;
        }

        page = new FormPageRef(
            int.Parse(match.Groups["run"].ValueSpan, CultureInfo.InvariantCulture),
            match.Groups["flow"].Value,
            int.Parse(match.Groups["page"].ValueSpan, CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex(@"^(?<kind>[fm]):(?<run>\d{1,9}):(?<flow>[a-z-]{1,20}):(?<page>\d{1,2})$")]
    private static partial Regex Pattern();
}

internal readonly record struct FormPageRef(int RunId, string Flow, int Page);
