using System.Collections;
using Microsoft.Extensions.Configuration;
using OneOnOne.Core.Settings;

namespace OneOnOne.Bot.Settings;

/// <summary>
/// Settings read from files named by environment variables, the way container secrets arrive: <c>Slack__BotToken_FILE=/run/secrets/slack_bot_token</c>
/// sets <c>Slack:BotToken</c> to the file's content, less its trailing line break. Only names with a section
/// (<c>__</c>) count, so an unrelated variable such as <c>SSL_CERT_FILE</c> is left alone. A file that can't be read
/// stops start-up with one line naming the variable and the path; the content is never shown.
/// </summary>
internal static class SecretFiles
{
    public const string Suffix = "_FILE";

    /// <summary>Added after the environment variables, so the file wins over a plain variable of the same setting.</summary>
    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder configuration, IDictionary? environment = null)
    {
        configuration.Add(new Source(environment ?? Environment.GetEnvironmentVariables()));
        return configuration;
    }

    private sealed class Source(IDictionary environment) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(environment);
    }

    private sealed class Provider(IDictionary environment) : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (DictionaryEntry variable in environment)
            {
                if (variable.Key is string name && variable.Value is string path
                    && name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && name.Contains("__", StringComparison.Ordinal))
                {
                    Data[name[..^Suffix.Length].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = Read(name, path);
                }
            }
        }

        private static string Read(string variable, string path)
        {
            try
            {
                return File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var why = exception switch
                {
                    FileNotFoundException or DirectoryNotFoundException => "there is no such file",
                    UnauthorizedAccessException when Directory.Exists(path) => "it is a folder",
                    UnauthorizedAccessException => "the bot's user may not read it",
                    _ => "it can't be read",
                };
                throw new StartupFailure($"{variable} names \"{path}\", but {why}. Point it at the file that holds the setting, readable by the bot's user.", exception);
            }
        }
    }
}
