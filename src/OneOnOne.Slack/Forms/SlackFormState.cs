using System.Globalization;
using System.Text.Json;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Forms;

/// <summary>
/// What a modal carries in <c>private_metadata</c> (Slack keeps no session for us): the flow run id,
/// and for a form split over pages, the page shown and the answers from the pages before it.
/// </summary>
public sealed record SlackFormState(int RunId, int Page, IReadOnlyDictionary<string, string?> Carried)
{
    public static SlackFormState Start(int runId) => new(runId, 0, new Dictionary<string, string?>());

    /// <summary>The bare run id for a one-page form (the common case), JSON otherwise.</summary>
    public string Encode() =>
        Page == 0 && Carried.Count == 0
            ? RunId.ToString(CultureInfo.InvariantCulture)
            : JsonSerializer.Serialize(new Stored(RunId, Page, Carried));

    public static SlackFormState? Decode(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata) || metadata.Length > BlockKitLimits.PrivateMetadata)
        {
            return null;
        }

        if (int.TryParse(metadata, NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
        {
            return Start(runId);
        }

        try
        {
            return JsonSerializer.Deserialize<Stored>(metadata) is { Run: > 0, Page: >= 0 } stored
                ? new SlackFormState(stored.Run, stored.Page, stored.Answers ?? new Dictionary<string, string?>())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(int Run, int Page, IReadOnlyDictionary<string, string?>? Answers);
}
