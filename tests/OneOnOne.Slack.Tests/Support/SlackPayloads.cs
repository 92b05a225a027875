using System.Text.Json;
using OneOnOne.Slack.Tests.Fakes;

namespace OneOnOne.Slack.Tests.Support;

/// <summary>Payloads shaped like Slack's (platform notes A2–A5), for the fake and the HTTP tests to send.</summary>
public static class SlackPayloads
{
    private static int _counter;

    public static string NewTriggerId() => $"{Interlocked.Increment(ref _counter)}.4744562912.{Guid.NewGuid():N}";

    public static string NewEventId() => $"Ev{Guid.NewGuid():N}"[..14].ToUpperInvariant();

    public static Dictionary<string, string> SlashCommand(string userId, string text, Uri responseUrl, string? triggerId = null, string channelId = "C0GENERAL") => new()
    {
        ["token"] = "legacy-token-ignored",
        ["team_id"] = FakeSlack.TeamId,
        ["team_domain"] = "organizers",
        ["channel_id"] = channelId,
        ["channel_name"] = "general",
        ["user_id"] = userId,
        ["user_name"] = userId.ToLowerInvariant(),
        ["command"] = "/one-on-one",
        ["text"] = text,
        ["api_app_id"] = "AFAKE",
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl.ToString(),
        ["trigger_id"] = triggerId ?? NewTriggerId(),
    };

    public static object BlockActions(string userId, Post message, string actionId, string value, string? triggerId = null)
    {
        var ephemeral = message.Kind is "response_url" or FakeSlack.InPlaceAnswerKind;
        return new Dictionary<string, object?>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = FakeSlack.TeamId, domain = "organizers" },
            ["user"] = new { id = userId, username = userId.ToLowerInvariant(), team_id = FakeSlack.TeamId },
            ["api_app_id"] = "AFAKE",
            ["trigger_id"] = triggerId ?? NewTriggerId(),
            ["container"] = new { type = "message", message_ts = $"1700000000.{message.Sequence:D6}", channel_id = message.Channel ?? "C0GENERAL", is_ephemeral = ephemeral },
            ["channel"] = new { id = message.Channel ?? "C0GENERAL", name = "directmessage" },
            ["response_url"] = (message.ResponseUrl ?? new Uri("http://127.0.0.1:1/unused")).ToString(),
            ["actions"] = new[]
            {
                new { action_id = actionId, block_id = "b1", type = "button", value, action_ts = "1700000001.000100", text = new { type = "plain_text", text = "x" } },
            },
        };
    }

    public static object HomeButton(string userId, string actionId, string value) => new Dictionary<string, object?>
    {
        ["type"] = "block_actions",
        ["team"] = new { id = FakeSlack.TeamId },
        ["user"] = new { id = userId, team_id = FakeSlack.TeamId },
        ["trigger_id"] = NewTriggerId(),
        ["container"] = new { type = "view", view_id = "VHOME" },
        ["view"] = new { id = "VHOME", type = "home" },
        ["actions"] = new[] { new { action_id = actionId, block_id = "b1", type = "button", value, action_ts = "1700000002.000100" } },
    };

    /// <summary>A modal's Submit with <paramref name="answers"/> by block id; choice answers are sent as a radio selection.</summary>
    public static object ViewSubmission(string userId, JsonElement view, IReadOnlyDictionary<string, string?> answers)
    {
        var values = new Dictionary<string, object>();
        foreach (var block in view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input"))
        {
            var blockId = block.GetProperty("block_id").GetString()!;
            var element = block.GetProperty("element");
            var type = element.GetProperty("type").GetString()!;
            var answer = answers.GetValueOrDefault(blockId);
            object state = type is "radio_buttons" or "static_select"
                ? new { type, selected_option = answer is null ? null : new { value = answer, text = new { type = "plain_text", text = answer } } }
                : new { type, value = answer };
            values[blockId] = new Dictionary<string, object> { [element.GetProperty("action_id").GetString()!] = state };
        }

        return new Dictionary<string, object?>
        {
            ["type"] = "view_submission",
            ["team"] = new { id = FakeSlack.TeamId, domain = "organizers" },
            ["user"] = new { id = userId, username = userId.ToLowerInvariant(), team_id = FakeSlack.TeamId },
            ["api_app_id"] = "AFAKE",
            ["trigger_id"] = NewTriggerId(),
            ["view"] = new Dictionary<string, object?>
            {
                ["id"] = "VMODAL",
                ["type"] = "modal",
                ["callback_id"] = view.GetProperty("callback_id").GetString(),
                ["private_metadata"] = view.GetProperty("private_metadata").GetString(),
                ["hash"] = "1700000000.abc",
                ["state"] = new { values },
            },
            ["response_urls"] = Array.Empty<object>(),
        };
    }

    public static object MessageEvent(string userId, string text, string? eventId = null, string? channel = null) =>
        EventCallback(eventId, new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["channel"] = channel ?? "D" + userId,
            ["user"] = userId,
            ["text"] = text,
            ["ts"] = "1700000003.000200",
            ["event_ts"] = "1700000003.000200",
            ["channel_type"] = "im",
        });

    public static object AppHomeOpened(string userId, string? eventId = null) =>
        EventCallback(eventId, new Dictionary<string, object?>
        {
            ["type"] = "app_home_opened",
            ["user"] = userId,
            ["channel"] = "D" + userId,
            ["tab"] = "home",
            ["event_ts"] = "1700000004.000300",
        });

    public static object EventCallback(string? eventId, object inner) => new Dictionary<string, object?>
    {
        ["token"] = "legacy-token-ignored",
        ["team_id"] = FakeSlack.TeamId,
        ["api_app_id"] = "AFAKE",
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NewEventId(),
        ["event_time"] = 1700000003,
        ["authorizations"] = new[] { new { team_id = FakeSlack.TeamId, user_id = FakeSlack.BotUserId, is_bot = true } },
    };
}
