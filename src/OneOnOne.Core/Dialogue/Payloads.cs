using System.Globalization;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Dialogue;

/// <summary>
/// Button payloads. They carry ids and short command text only, never anything an organizer wrote,
/// so a payload echoed by a platform reveals nothing private.
/// </summary>
public static class Payloads
{
    private const string AnswerPrefix = "a:";
    private const string CommandPrefix = "c:";

    /// <summary>A button that answers question <paramref name="questionId"/> of run <paramref name="runId"/>.</summary>
    public static Button Answer(string label, int runId, string questionId, string value) =>
        new(label, $"{AnswerPrefix}{runId.ToString(CultureInfo.InvariantCulture)}:{questionId}:{value}");

    /// <summary>A button that runs a command, exactly as if it had been typed.</summary>
    public static Button Command(string label, string commandText) => new(label, CommandPrefix + commandText);

    public static bool TryParseAnswer(string payload, out int runId, out string questionId, out string value)
    {
        runId = 0;
        questionId = value = string.Empty;
        if (!payload.StartsWith(AnswerPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = payload[AnswerPrefix.Length..].Split(':', 3);
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out runId))
        {
            return false;
        }

        (questionId, value) = (parts[1], parts[2]);
        return true;
    }

    public static bool TryParseCommand(string payload, out string commandText)
    {
        commandText = payload.StartsWith(CommandPrefix, StringComparison.Ordinal) ? payload[CommandPrefix.Length..] : string.Empty;
        return commandText.Length > 0;
    }
}
