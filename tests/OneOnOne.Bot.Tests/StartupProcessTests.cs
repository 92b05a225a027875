using System.Net;
using System.Net.Sockets;

namespace OneOnOne.Bot.Tests;

/// <summary>
/// What an operator sees when the real bot can't start: one message on standard error naming the setting or file,
/// exit code 1, and no stack trace, in the console and the chat modes alike.
/// </summary>
public sealed class StartupProcessTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_mistyped_setting_is_one_line_naming_it_and_exit_code_1()
    {
        _bot.Settings["FollowUps__QuietHoursStart"] = "25:99";

        var (exitCode, output, errors) = await _bot.RunAsync("status");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith("The bot can't start: FollowUps:QuietHoursStart is \"25:99\", which is not a time of day", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_database_file_is_named_once_with_the_setting_and_exit_code_1()
    {
        await File.WriteAllTextAsync(_bot.DatabasePath, "not a database");

        var (exitCode, output, errors) = await _bot.RunAsync("status");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(errors));
        Assert.Contains($"{_bot.DatabasePath} (Database:ConnectionString) is not a SQLite database", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_already_in_use_names_Urls_in_chat_mode_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var slack = SlackStub.Start();
        var bot = new BotProcess { ForceConsole = false };
        using var cleanup = bot;
        foreach (var (name, value) in slack.BotSettings(port))
        {
            bot.Settings[name] = value;
        }

        var (exitCode, output, errors) = await bot.RunAsync();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(errors));
        Assert.Contains($"http://127.0.0.1:{port}: address already in use", line, StringComparison.Ordinal);
        Assert.Contains("set Urls to a free address", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
