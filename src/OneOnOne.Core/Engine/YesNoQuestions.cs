using System.Collections.Concurrent;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Engine;

/// <summary>
/// The yes/no question each organizer was asked by their latest message, so that typing "yes" or "no"
/// does what pressing the button would. Only the latest message counts: anything else the organizer does
/// in between closes the question, so a late "yes" never confirms something they've moved on from.
/// </summary>
/// <remarks>
/// Kept in memory on purpose: it's a convenience over buttons that still work, not state to preserve.
/// After a restart, or when another instance takes the reply, a typed "yes" finds nothing and the organizer
/// is told so; nothing is done on a guess.
/// </remarks>
public sealed class YesNoQuestions
{
    /// <summary>How long a typed answer still counts; the buttons themselves keep working.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<int, (YesNoButtons Question, DateTimeOffset AskedAt)> _open = new();

    /// <summary>Records what the organizer's latest message asked: a yes/no question, or (null) none.</summary>
    public void Asked(int organizerId, YesNoButtons? question, DateTimeOffset now)
    {
        if (question is null)
        {
            _open.TryRemove(organizerId, out _);
        }
        else
        {
            _open[organizerId] = (question, now);
        }
    }

    /// <summary>The question a typed yes or no answers, if one is still open; answering closes it.</summary>
    public YesNoButtons? Take(int organizerId, DateTimeOffset now) =>
        _open.TryRemove(organizerId, out var open) && now - open.AskedAt <= AnswerWithin ? open.Question : null;

    /// <summary>Reads a typed "yes", "y", "no", "nope"... as an answer; false when it's anything else.</summary>
    public static bool TryRead(string text, out bool yes)
    {
        var word = text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        yes = word is "yes" or "y" or "yeah" or "yep" or "yup" or "sure";
        return yes || word is "no" or "n" or "nope" or "nah";
    }
}
