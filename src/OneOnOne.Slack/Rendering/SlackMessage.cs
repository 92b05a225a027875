using OneOnOne.Core.Messaging;

namespace OneOnOne.Slack.Rendering;

/// <summary>
/// A neutral message drawn for Slack: the notification text, the blocks split into messages of at most
/// 50 blocks each, the files to upload beside them, and whether it asks a flow question.
/// </summary>
public sealed record SlackMessage(
    string Text,
    IReadOnlyList<IReadOnlyList<LayoutBlock>> Pages,
    IReadOnlyList<FileBlock> Files,
    QuestionBlock? Question,
    bool OffersForm)
{
    public bool IsEmpty => Pages.Count == 0 && Files.Count == 0;
}
