namespace OneOnOne.Slack.Api;

/// <summary>Who the bot token belongs to (auth.test).</summary>
public sealed record SlackIdentityInfo(string UserId, string? BotId, string TeamId, string? TeamName, string? UserName = null);

/// <summary>The parts of users.info the bot uses.</summary>
public sealed record SlackUser(string Id, string Name, string? RealName, string? DisplayName, string? TimeZone, bool IsBot, bool Deleted)
{
    /// <summary>How to call this person: their full name where Slack has one, else their chosen display name or handle.</summary>
    public string BestName => FirstNonBlank(RealName, DisplayName, Name) ?? Id;

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

/// <summary>A message Slack accepted: where it went and its timestamp id.</summary>
public sealed record SlackPosted(string Channel, string Ts);

/// <summary>Where to send a file's bytes (files.getUploadURLExternal).</summary>
public sealed record SlackUploadTicket(Uri UploadUrl, string FileId);
