using OneOnOne.Core.Digests;
using OneOnOne.Core.Engine;

namespace OneOnOne.Core.Commands;

/// <summary><c>digest</c>: a preview of this week's team digest. Counts and levels only, never notes.</summary>
public sealed class DigestCommand(TeamDigestBuilder builder) : ICommand
{
    public string Name => "digest";

    public CommandHelp Help { get; } = new(17, "digest", "Preview this week's team digest (counts and levels only, never notes)", "digest");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var digest = await builder.BuildAsync(context.Organizer.TeamId, context.Now, ct);
        return DigestFormatter.Format(digest, context.Zone);
    }
}
