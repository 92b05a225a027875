using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Parsing;

/// <summary>
/// Turns what Slack sent (form fields or JSON, from HTTP or a Socket Mode envelope) into a
/// <see cref="SlackRequest"/>. Whatever arrives, it answers with a value (at worst
/// <see cref="MalformedRequest"/>) and never throws: a hostile or broken payload stops here.
/// </summary>
public static class SlackInboundParser
{
    /// <summary>Deeper JSON than this is not something Slack sends.</summary>
    private const int MaxDepth = 32;

    /// <summary>More inputs than a modal can hold (100 blocks) means the payload is not Slack's.</summary>
    private const int MaxFormValues = 200;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>An HTTP slash command: <c>application/x-www-form-urlencoded</c>.</summary>
    public static SlackRequest ParseCommandForm(ReadOnlyMemory<byte> body)
    {
        if (!TryReadForm(body, out var fields))
        {
            return new MalformedRequest("The body is not a form.");
        }

        return ParseCommand(name => fields.TryGetValue(name, out var value) ? value.ToString() : null);
    }

    /// <summary>An HTTP interaction: a form with one field, <c>payload</c>, holding JSON.</summary>
    public static SlackRequest ParseInteractionForm(ReadOnlyMemory<byte> body)
    {
        if (!TryReadForm(body, out var fields) || !fields.TryGetValue("payload", out var payload) || payload.Count != 1)
        {
            return new MalformedRequest("The body has no payload field.");
        }

        return WithJson(Encoding.UTF8.GetBytes(payload.ToString()), ParseInteraction);
    }

    /// <summary>An HTTP event: a JSON body (an <c>event_callback</c> or a <c>url_verification</c>).</summary>
    public static SlackRequest ParseEventBody(ReadOnlyMemory<byte> body) => WithJson(body, ParseEvent);

    /// <summary>A Socket Mode <c>slash_commands</c> payload: the command's fields as a JSON object.</summary>
    public static SlackRequest ParseCommand(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
            ? Guard(() => ParseCommand(name => payload.Str(name)))
            : new MalformedRequest("The command payload is not an object.");

    /// <summary>A <c>block_actions</c>, <c>view_submission</c> or other interaction payload.</summary>
    public static SlackRequest ParseInteraction(JsonElement payload) => Guard(() => payload.Str("type") switch
    {
        null => new MalformedRequest("The interaction has no type."),
        "block_actions" => ParseBlockActions(payload),
        "view_submission" => ParseViewSubmission(payload),
        var other => new IgnoredRequest($"Interaction {Clip(other)} is not used."),
    });

    /// <summary>An Events API body: <c>url_verification</c> or an <c>event_callback</c> envelope.</summary>
    public static SlackRequest ParseEvent(JsonElement body) => Guard(() => body.Str("type") switch
    {
        "url_verification" => body.Str("challenge") is { Length: > 0 and <= 1000 } challenge
            ? new UrlVerificationRequest(challenge)
            : new MalformedRequest("The URL check has no challenge."),
        "event_callback" => ParseEventCallback(body),
        null => new MalformedRequest("The event has no type."),
        var other => new IgnoredRequest($"Event envelope {Clip(other)} is not used."),
    });

    private static SlackRequest ParseCommand(Func<string, string?> field)
    {
        var team = field("team_id");
        var user = field("user_id");
        var command = field("command");
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(command))
        {
            return new MalformedRequest("The command lacks team_id, user_id or command.");
        }

        return new SlashCommandRequest(
            new SlackActor(team, user, field("user_name")),
            field("channel_id") ?? string.Empty,
            command,
            field("text") ?? string.Empty,
            AbsoluteUri(field("response_url")),
            NonEmpty(field("trigger_id")));
    }

    private static SlackRequest ParseBlockActions(JsonElement payload)
    {
        if (Actor(payload) is not { } actor)
        {
            return new MalformedRequest("The action has no team or user.");
        }

        var actions = payload.Get("actions");
        if (actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return new MalformedRequest("The action list is empty.");
        }

        // Slack sends one action per payload for buttons; anything after the first is not ours.
        var action = actions[0];
        if (action.Str("action_id") is not { Length: > 0 } actionId)
        {
            return new MalformedRequest("The action has no action_id.");
        }

        if (action.Str("type") is not "button")
        {
            return new IgnoredRequest("Only buttons are used.");
        }

        var container = payload.Get("container");
        var surface = container.Str("type") switch
        {
            "view" => ButtonSurface.View,
            _ when container.Flag("is_ephemeral") => ButtonSurface.EphemeralMessage,
            _ => ButtonSurface.Message,
        };
        var channel = payload.Get("channel").Str("id") ?? container.Str("channel_id");
        return new ButtonPressRequest(
            actor, actionId, action.Str("value") ?? string.Empty, NonEmpty(payload.Str("trigger_id")),
            AbsoluteUri(payload.Str("response_url")), channel, surface, action.Str("action_ts"));
    }

    private static SlackRequest ParseViewSubmission(JsonElement payload)
    {
        if (Actor(payload) is not { } actor)
        {
            return new MalformedRequest("The submission has no team or user.");
        }

        var view = payload.Get("view");
        if (view.ValueKind != JsonValueKind.Object || view.Str("id") is not { } viewId)
        {
            return new MalformedRequest("The submission has no view.");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var state = view.Get("state").Get("values");
        if (state.ValueKind == JsonValueKind.Object)
        {
            foreach (var block in state.EnumerateObject())
            {
                if (values.Count >= MaxFormValues)
                {
                    return new MalformedRequest("The submission has more inputs than a modal can hold.");
                }

                // One input element per input block; its action id is ours and not needed here.
                if (block.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var element in block.Value.EnumerateObject())
                {
                    if (element.Value.ValueKind == JsonValueKind.Object)
                    {
                        values[block.Name] = ReadInputValue(element.Value);
                    }

                    break;
                }
            }
        }

        return new ViewSubmissionRequest(
            actor, viewId, view.Str("callback_id") ?? string.Empty, view.Str("private_metadata") ?? string.Empty, values,
            NonEmpty(payload.Str("trigger_id")));
    }

    /// <summary>Reads one input's value whatever its element type (see platform notes A3).</summary>
    private static string? ReadInputValue(JsonElement element) => element.Str("type") switch
    {
        "static_select" or "radio_buttons" or "external_select" => element.Get("selected_option").Str("value"),
        "datepicker" => element.Str("selected_date"),
        "timepicker" => element.Str("selected_time"),
        "users_select" => element.Str("selected_user"),
        "conversations_select" => element.Str("selected_conversation"),
        "checkboxes" => element.Get("selected_options") is { ValueKind: JsonValueKind.Array } options
            ? string.Join(", ", options.EnumerateArray().Select(o => o.Str("value")).OfType<string>())
            : null,
        _ => element.Str("value"),
    };

    private static SlackRequest ParseEventCallback(JsonElement body)
    {
        var team = body.Str("team_id");
        var eventId = body.Str("event_id");
        var inner = body.Get("event");
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(eventId) || inner.ValueKind != JsonValueKind.Object)
        {
            return new MalformedRequest("The event lacks team_id, event_id or event.");
        }

        return inner.Str("type") switch
        {
            "message" => ParseMessage(team, eventId, inner),
            "app_home_opened" => inner.Str("user") is { Length: > 0 } user
                ? inner.Str("tab") is "home" or null
                    ? new HomeOpenedRequest(new SlackActor(team, user, null), eventId)
                    : new IgnoredRequest("The Messages tab was opened.")
                : new MalformedRequest("app_home_opened has no user."),
            null => new MalformedRequest("The event has no type."),
            var other => new IgnoredRequest($"Event {Clip(other)} is not used."),
        };
    }

    private static SlackRequest ParseMessage(string team, string eventId, JsonElement message)
    {
        // The bot's own posts come back as message.im events carrying bot_id; edits, deletions and
        // joins arrive as subtypes. None of them is a person answering.
        if (message.Str("bot_id") is not null || message.Get("bot_profile").ValueKind == JsonValueKind.Object)
        {
            return new IgnoredRequest("A bot's message.");
        }

        if (message.Str("subtype") is { } subtype && subtype != "file_share")
        {
            return new IgnoredRequest($"Message subtype {Clip(subtype)}.");
        }

        if (message.Str("channel_type") is { } type && type != "im")
        {
            return new IgnoredRequest("Not a direct message.");
        }

        var user = message.Str("user");
        var channel = message.Str("channel");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(channel))
        {
            return new MalformedRequest("The message has no user or channel.");
        }

        var text = message.Str("text") ?? string.Empty;
        return string.IsNullOrWhiteSpace(text)
            ? new IgnoredRequest("An empty message.")
            : new DirectMessageRequest(new SlackActor(team, user, null), channel, text, eventId);
    }

    private static SlackActor? Actor(JsonElement payload)
    {
        var user = payload.Get("user");
        var team = payload.Get("team").Str("id") ?? user.Str("team_id");
        return user.Str("id") is { Length: > 0 } id && !string.IsNullOrEmpty(team)
            ? new SlackActor(team, id, user.Str("username") ?? user.Str("name"))
            : null;
    }

    /// <summary>Parses JSON text (one value, nothing after it) and hands its root to <paramref name="parse"/>.</summary>
    public static SlackRequest WithJson(ReadOnlyMemory<byte> json, Func<JsonElement, SlackRequest> parse)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return parse(document.RootElement);
        }
        catch (JsonException)
        {
            return new MalformedRequest("The body is not JSON.");
        }
    }

    private static bool TryReadForm(ReadOnlyMemory<byte> body, out Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields)
    {
        fields = [];
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Span);
            fields = QueryHelpers.ParseQuery(text);
            return true;
        }
        catch (Exception exception) when (exception is DecoderFallbackException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The last line of defence: a parser bug becomes a refusal, not an exception in the endpoint.</summary>
    private static SlackRequest Guard(Func<SlackRequest> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or ArgumentException
                                              or FormatException or IndexOutOfRangeException or ObjectDisposedException)
        {
            return new MalformedRequest("The payload could not be read.");
        }
    }

    private static Uri? AbsoluteUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40];
}
