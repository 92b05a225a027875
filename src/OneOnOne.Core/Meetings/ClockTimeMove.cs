using System.Globalization;

namespace OneOnOne.Core.Meetings;

/// <summary>
/// After a time-zone change, moving one booked 1:1 so that it keeps its clock time: from the instant it had
/// to the instant with the same wall-clock time in the new zone. Carried by a button as
/// <c>id:from:to</c> (Unix seconds), ids and numbers only; knowing <c>from</c> makes a second press harmless.
/// </summary>
public sealed record ClockTimeMove(int MeetingId, DateTimeOffset From, DateTimeOffset To)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MeetingId}:{From.ToUnixTimeSeconds()}:{To.ToUnixTimeSeconds()}");

    public static bool TryParse(string text, out ClockTimeMove move)
    {
        move = null!;
        var parts = text.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            return false;
        }

        try
        {
            move = new ClockTimeMove(id, DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(to));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
