using Microsoft.Extensions.Options;

namespace OneOnOne.Slack;

/// <summary>
/// Refuses to start with settings Slack would reject anyway, and says which setting is wrong and where
/// in the Slack app's pages the right value is, so a newcomer doesn't have to read a stack trace.
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    private const string Where = "your app's page at api.slack.com/apps";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            problems.Add($"Slack:BotToken (environment variable Slack__BotToken) is not set. Copy the Bot User OAuth Token " +
                         $"(it starts with xoxb-) from {Where}, under OAuth & Permissions, after installing the app.");
        }
        else if (!IsToken(options.BotToken, "xoxb-"))
        {
            problems.Add($"Slack:BotToken does not look like a bot token: it should start with xoxb- and contain no spaces. " +
                         $"Copy the Bot User OAuth Token from {Where}, under OAuth & Permissions.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !IsToken(options.AppToken, "xapp-"))
        {
            problems.Add($"Slack:AppToken does not look like an app-level token: it should start with xapp-. " +
                         $"Create one with the connections:write scope in {Where}, under Basic Information, App-Level Tokens.");
        }

        if (string.IsNullOrWhiteSpace(options.AppToken) && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            problems.Add($"Slack needs a way to reach the bot: set Slack:AppToken (Slack__AppToken, an xapp- token from " +
                         $"Basic Information, App-Level Tokens, in {Where}) for Socket Mode, or Slack:SigningSecret " +
                         "(Slack__SigningSecret, from Basic Information, App Credentials) to receive requests over HTTP.");
        }
        else if (!string.IsNullOrEmpty(options.SigningSecret) && options.SigningSecret.Any(char.IsWhiteSpace))
        {
            problems.Add($"Slack:SigningSecret contains spaces; copy it again from {Where}, under Basic Information, App Credentials.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL; leave it unset for {SlackOptions.DefaultApiBaseUrl}.");
        }

        if (options.Workers is < 1 or > 64)
        {
            problems.Add("Slack:Workers must be between 1 and 64.");
        }

        if (options.InlineAnswerWindow < TimeSpan.Zero || options.InlineAnswerWindow > TimeSpan.FromSeconds(2.5))
        {
            problems.Add("Slack:InlineAnswerWindow must be between 00:00:00 (off) and 00:00:02.5: the first answer has to reach Slack within 3 seconds.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsToken(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) && value.Length > prefix.Length + 8 && !value.Any(char.IsWhiteSpace);
}
