using Microsoft.Extensions.Options;

namespace OneOnOne.Discord;

/// <summary>
/// Checks the settings at start, so a typo shows up as one clear sentence naming the setting rather
/// than as a 401 minutes later. Values themselves are never echoed: they are secrets.
/// </summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var problems = new List<string>();
        var token = options.Token;
        if (token.Length == 0)
        {
            problems.Add("Discord:BotToken is empty. Copy the token from the Developer Portal (your application → Bot → Reset Token).");
        }
        else if (token.Count(c => c == '.') != 2 || token.Any(char.IsWhiteSpace))
        {
            problems.Add("Discord:BotToken doesn't look like a bot token (three parts separated by dots). " +
                         "Make sure you copied the Bot token, not the client secret or the public key.");
        }

        if (!Snowflake.IsValid(options.ApplicationId))
        {
            problems.Add("Discord:ApplicationId must be your application's id, a long number from the Developer Portal's General Information page.");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !Snowflake.IsValid(options.GuildId))
        {
            problems.Add("Discord:GuildId must be a server id (a long number: right-click the server with Developer Mode on → Copy Server ID), or left empty to register the command globally.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicKey) && !IsHex(options.PublicKey.Trim(), 64))
        {
            problems.Add("Discord:PublicKey must be the 64 hex characters shown as Public Key on the Developer Portal's General Information page.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            problems.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL; leave it out to use {DiscordOptions.DefaultApiBaseUrl}.");
        }

        if (!options.UseGateway && string.IsNullOrWhiteSpace(options.PublicKey))
        {
            problems.Add("With Discord:UseGateway off, set Discord:PublicKey so interactions can arrive at /discord/interactions; otherwise nothing reaches the bot.");
        }

        if (options.Workers is < 1 or > 64)
        {
            problems.Add("Discord:Workers must be between 1 and 64.");
        }

        if (options.InlineAnswerWindow < TimeSpan.Zero || options.InlineAnswerWindow > TimeSpan.FromSeconds(2.5))
        {
            problems.Add("Discord:InlineAnswerWindow must be between 00:00:00 (off) and 00:00:02.5: the first answer has to reach Discord within 3 seconds.");
        }

        if (options.QueueCapacity < options.Workers)
        {
            problems.Add("Discord:QueueCapacity must be at least Discord:Workers.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add("Discord:MaxRetries must be between 0 and 10.");
        }

        // Both double from here; zero would retry in a tight loop.
        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            problems.Add("Discord:RetryBaseDelay must be longer than zero, e.g. 00:00:00.500 (the first wait before trying a failed call again); or leave it out.");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero)
        {
            problems.Add("Discord:ReconnectDelay must be longer than zero, e.g. 00:00:01 (the first wait before reconnecting to Discord); or leave it out.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(Uri.IsHexDigit);
}
