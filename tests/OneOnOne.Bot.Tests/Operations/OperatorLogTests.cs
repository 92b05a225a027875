using System.Text.Json;

namespace OneOnOne.Bot.Tests.Operations;

/// <summary>What a started bot writes for a log collector, with its secrets given the way containers give them.</summary>
public sealed class OperatorLogTests : IDisposable
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), $"oneonone-secrets-{Guid.NewGuid():N}");

    public OperatorLogTests() => Directory.CreateDirectory(_secrets);

    [Fact]
    public async Task With_the_json_formatter_every_line_is_one_JSON_object_and_secrets_read_from_files_never_show()
    {
        await using var operated = await OperatedBot.StartAsync(new Dictionary<string, string?>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Slack__BotToken"] = null,
            ["Slack__SigningSecret"] = null,
            ["Slack__BotToken_FILE"] = Secret("slack_bot_token", SlackStub.BotToken + "\n"),
            ["Slack__SigningSecret_FILE"] = Secret("slack_signing_secret", SlackStub.SigningSecret + "\n"),
        });

        // Signed with the secret only the file holds, answered by calling Slack with the token only the file holds.
        using var ack = await operated.SlashCommandAsync("status");
        ack.EnsureSuccessStatusCode();
        Assert.Contains($"Bearer {SlackStub.BotToken}", operated.Slack.Authorizations);

        var lines = operated.Bot.Output;
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(entries, entry => Assert.Equal(JsonValueKind.Object, entry.ValueKind));
        Assert.Contains(entries, entry => entry.GetProperty("Category").GetString() == "OneOnOne.Ready");
        Assert.DoesNotContain(SlackStub.BotToken, operated.Printed, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackStub.SigningSecret, operated.Printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_file_that_is_missing_stops_the_bot_with_one_line_naming_the_variable()
    {
        var missing = Path.Combine(_secrets, "slack_bot_token");
        using var bot = new BotProcess { ForceConsole = false };
        bot.Settings["Slack__BotToken_FILE"] = missing;

        var (exitCode, output, errors) = await bot.RunAsync();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"The bot can't start: Slack__BotToken_FILE names \"{missing}\", but there is no such file. " +
                     "Point it at the file that holds the setting, readable by the bot's user.", line);
        Assert.Equal(string.Empty, output);
    }

    private string Secret(string name, string content)
    {
        var path = Path.Combine(_secrets, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);
}
