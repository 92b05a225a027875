using System.Text.RegularExpressions;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Method;

/// <summary>
/// The hint Slack shows under <c>/one-on-one</c> (deploy/slack/manifest.yml) names real commands, the method's
/// <c>guide</c> among them, and stays within Slack's limit for it.
/// </summary>
public sealed partial class SlackUsageHintTests : IAsyncLifetime
{
    /// <summary>The manifest schema's longest <c>usage_hint</c>.</summary>
    private const int SlackLimit = 1000;

    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_usage_hint_names_guide_and_only_commands_help_knows()
    {
        var hint = UsageHint().Match(await File.ReadAllTextAsync(ManifestPath())).Groups["hint"].Value;
        var commands = hint.Split('|', StringSplitOptions.TrimEntries).Select(part => part.Split(' ')[0]).ToList();
        var ana = _bot.Organizer("Ana");
        var help = (await ana.Command("help")).LastText;

        Assert.InRange(hint.Length, 1, SlackLimit);
        Assert.Contains("guide", commands);
        Assert.All(commands, command => Assert.Contains($"`{command}", help, StringComparison.Ordinal));
    }

    private static string ManifestPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneOnOne.Bot.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("No OneOnOne.Bot.sln above the tests"), "deploy", "slack", "manifest.yml");
    }

    [GeneratedRegex("""usage_hint:\s*"(?<hint>[^"]*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex UsageHint();
}
