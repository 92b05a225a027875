using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneOnOne.Bot.Tests;

/// <summary>
/// A mistyped setting stops start-up with a sentence naming it and what it accepts, before anything runs on it:
/// the real host, built in-process with the bad value.
/// </summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-startup-{Guid.NewGuid():N}");

    public StartupSettingsTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    [Theory]
    [InlineData("FollowUps:QuietHoursStart", "25:99", "a time of day as hh:mm")]
    [InlineData("FollowUps:QuietHoursEnd", "", "a time of day as hh:mm")]
    [InlineData("FollowUps:StaleAfter", "a day", "a duration as hh:mm:ss")]
    [InlineData("FollowUps:CorePace", "00:00:00", "longer than zero")]
    [InlineData("FollowUps:ThankYouDelay", "-01:00:00", "00:00:00 or more")]
    [InlineData("FollowUps:DispatchBatchSize", "0", "1 or more")]
    [InlineData("Scheduling:Interval", "00:00:00", "longer than zero and at most 01:00:00")]
    [InlineData("Scheduling:Interval", "every minute", "a duration as hh:mm:ss")]
    [InlineData("Bot:DefaultTimeZone", "Mars/Olympus", "an IANA name such as America/New_York")]
    [InlineData("Bot:MaxCommandLength", "lots", "a whole number")]
    [InlineData("Database:Provider", "Oracle", "one of Sqlite, Postgres")]
    [InlineData("Database:ConnectionString", "Server=db;Port=5432", "Data Source=<file>")]
    [InlineData("Console:FilesDirectory", " ", "must be a folder path")]
    public async Task A_bad_console_setting_stops_start_up_naming_it_and_what_it_accepts(string setting, string value, string accepted)
    {
        var refused = await StartAsync(ConsoleSettings(setting, value));

        var problem = Assert.Single(Assert.IsType<OptionsValidationException>(refused).Failures);
        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
        Assert.Contains(accepted, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack:Workers", "many", "a whole number")]
    [InlineData("Slack:InlineAnswerWindow", "1.5s", "a duration as hh:mm:ss")]
    public async Task A_chat_setting_of_the_wrong_shape_stops_start_up_like_any_other(string setting, string value, string accepted)
    {
        var settings = ConsoleSettings(setting, value);
        settings["Slack:BotToken"] = "xoxb-1234567890-abcdefghij";
        settings["Slack:AppToken"] = "xapp-1-A0000000000-abcdefghij";
        settings["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/";

        var refused = await StartAsync(settings, console: false);

        var problem = Assert.Single(Assert.IsType<OptionsValidationException>(refused).Failures);
        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
        Assert.Contains(accepted, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_that_is_a_folder_is_named_with_the_setting()
    {
        var folder = Path.Combine(_directory, "folder");
        Directory.CreateDirectory(folder);

        var refused = await StartAsync(ConsoleSettings("Database:ConnectionString", $"Data Source={folder}"));

        Assert.NotNull(refused);
        Assert.Contains($"{folder} is a folder", refused.Message, StringComparison.Ordinal);
        Assert.Contains("set Database:ConnectionString to a file", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_with_the_setting()
    {
        await File.WriteAllTextAsync(DatabasePath, "these are my notes, not a database");

        var refused = await StartAsync(ConsoleSettings());

        Assert.NotNull(refused);
        Assert.Contains($"The database file {DatabasePath} (Database:ConnectionString) is not a SQLite database", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Restore it from a backup", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_another_program_holds_locked_is_named_with_the_setting()
    {
        await using (var create = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await create.OpenAsync();
            await using var table = create.CreateCommand();
            table.CommandText = "CREATE TABLE mine (x)";
            await table.ExecuteNonQueryAsync();
        }

        await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var hold = other.CreateCommand();
        hold.CommandText = "BEGIN EXCLUSIVE";
        await hold.ExecuteNonQueryAsync();

        // A short busy timeout: the bot waits this long for the lock before giving up.
        var refused = await StartAsync(ConsoleSettings("Database:ConnectionString", $"Data Source={DatabasePath};Default Timeout=1"));

        Assert.NotNull(refused);
        Assert.Contains($"The database file {DatabasePath} (Database:ConnectionString) is locked by another program", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mode_is_chosen_by_any_source_the_host_reads_not_only_the_ones_read_by_hand()
    {
        // appsettings.{Environment}.json is read by the host's defaults; nothing else in this test names Discord.
        var environment = $"StartupTest{Guid.NewGuid():N}";
        var file = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json");
        File.WriteAllText(file, """{ "Discord": { "BotToken": "AAAA.BBBB.CCCC", "ApplicationId": "123456789012345678" } }""");
        try
        {
            using var host = BotHost.Build(["--environment", environment], ConsoleSettings());

            Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Namespace!.StartsWith("OneOnOne.Discord", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_value_in_the_example_settings_file_is_accepted()
    {
        // The file operators copy from: a value there that start-up refuses would be the first thing they hit.
        var example = new ConfigurationBuilder().AddJsonFile(ExampleSettingsPath()).Build()
            .AsEnumerable()
            .Where(pair => pair.Value is not null && !pair.Key.EndsWith("//", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        var settings = ConsoleSettings();
        foreach (var (key, value) in example.Where(pair => !settings.ContainsKey(pair.Key) && pair.Key != "Console:FilesDirectory"))
        {
            settings[key] = value;
        }

        Assert.Contains("FollowUps:QuietHoursStart", settings.Keys);
        Assert.Null(await StartAsync(settings));
    }

    private static string ExampleSettingsPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "appsettings.example.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("appsettings.example.json was not found above the test's folder.");
    }

    /// <summary>Builds and starts the host; returns why it refused, or null when it started (and has been stopped again).</summary>
    private static async Task<Exception?> StartAsync(Dictionary<string, string?> settings, bool console = true) =>
        await Record.ExceptionAsync(async () =>
        {
            using var host = BotHost.Build(console ? [BotModes.ConsoleFlag] : [], settings);
            await host.StartAsync();
            await host.StopAsync();
        });

    private Dictionary<string, string?> ConsoleSettings(string? setting = null, string? value = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={DatabasePath}",
            ["Bot:DefaultTimeZone"] = "UTC",
            ["Console:User"] = "Ana",
            ["Logging:LogLevel:Default"] = "Critical",
        };
        if (setting is not null)
        {
            settings[setting] = value;
        }

        return settings;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
