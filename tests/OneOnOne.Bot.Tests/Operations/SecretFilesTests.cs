using Microsoft.Extensions.Configuration;
using OneOnOne.Bot.Settings;
using OneOnOne.Core.Settings;

namespace OneOnOne.Bot.Tests.Operations;

/// <summary>Settings read from files named by <c>*_FILE</c> environment variables, the way container secrets arrive.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-secrets-{Guid.NewGuid():N}");

    public SecretFilesTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void A_FILE_variable_sets_its_setting_to_the_file_content_without_the_trailing_line_break()
    {
        var token = Write("slack_bot_token", "xoxb-from-a-file\n");
        var connection = Write("connection", "Host=db;Password=pa ss\r\n");

        var settings = Read(new Dictionary<string, string>
        {
            ["Slack__BotToken_FILE"] = token,
            ["Database__ConnectionString_FILE"] = connection,
        });

        Assert.Equal("xoxb-from-a-file", settings["Slack:BotToken"]);
        Assert.Equal("Host=db;Password=pa ss", settings["Database:ConnectionString"]);
    }

    [Fact]
    public void A_FILE_variable_without_a_section_is_someone_else_s_and_left_alone()
    {
        var settings = Read(new Dictionary<string, string> { ["SSL_CERT_FILE"] = Path.Combine(_directory, "missing.pem") });

        Assert.Empty(settings.AsEnumerable());
    }

    [Fact]
    public void A_file_that_is_missing_or_a_folder_stops_start_up_naming_the_variable()
    {
        var missing = Path.Combine(_directory, "nope");

        var absent = Assert.Throws<StartupFailure>(() => Read(new Dictionary<string, string> { ["Slack__BotToken_FILE"] = missing }));
        var folder = Assert.Throws<StartupFailure>(() => Read(new Dictionary<string, string> { ["Slack__BotToken_FILE"] = _directory }));

        Assert.Equal($"Slack__BotToken_FILE names \"{missing}\", but there is no such file. Point it at the file that holds the setting, readable by the bot's user.", absent.Message);
        Assert.StartsWith($"Slack__BotToken_FILE names \"{_directory}\", but ", folder.Message, StringComparison.Ordinal);
    }

    private static IConfigurationRoot Read(Dictionary<string, string> environment) =>
        new ConfigurationBuilder().AddSecretFiles(environment).Build();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
