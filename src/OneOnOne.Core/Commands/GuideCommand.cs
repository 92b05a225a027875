using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Method;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>guide [&lt;topic&gt;]</c>: the method at a glance. Alone, the contents; with a topic, that topic's one screen,
/// ending with what to type to put it into practice.
/// </summary>
public sealed class GuideCommand : IStatelessCommand
{
    private const string Example = "guide ask";

    public string Name => "guide";

    public CommandHelp Help { get; } = new(22, "guide [<topic>]", "The method at a glance: how to hold 1:1s that build relationships", Example);

    public Reply Answer(string arguments)
    {
        if (arguments.Trim().Length == 0)
        {
            return Contents();
        }

        var matches = GuideTopics.Matching(arguments);
        return matches.Count switch
        {
            1 => Screen(matches[0]),
            0 => Reply.WithText($"I don't have a topic called “{arguments.Trim()}”. These are the topics:\n{Lines(GuideTopics.All)}"),
            _ => Reply.WithText($"“{arguments.Trim()}” could be more than one topic. Which did you mean?\n{Lines(matches)}"),
        };
    }

    private static Reply Contents() =>
        new Reply()
            .Header("The method at a glance")
            .Text("A short screen on each part of holding 1:1s, in the order you'll use them:")
            .Text(Lines(GuideTopics.All))
            .Text($"Type `guide` and a topic, e.g. `{Example}`.");

    private static Reply Screen(GuideTopic topic) =>
        new Reply()
            .Header(topic.Title)
            .Text(topic.Body)
            .Text($"Next: {topic.Next}");

    private static string Lines(IEnumerable<GuideTopic> topics) =>
        string.Join('\n', topics.Select(topic => $"• `guide {topic.Name}`: {topic.Summary}"));
}
