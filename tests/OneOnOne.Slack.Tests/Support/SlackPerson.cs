using System.Net;
using System.Text.Json;
using OneOnOne.Slack.Http;
using OneOnOne.Slack.Tests.Fakes;

namespace OneOnOne.Slack.Tests.Support;

/// <summary>
/// Someone using the bot through the fake Slack, over whichever transport the bot runs. Each step
/// sends what Slack would send and waits (bounded) for what the person should then see.
/// </summary>
public sealed class SlackPerson(SlackBot bot, string userId)
{
    private int _cursor;

    public string UserId => userId;

    public string DirectMessage => "D" + userId;

    /// <summary><c>/one-on-one {text}</c>, then waits for a post containing <paramref name="expect"/>.</summary>
    public async Task<Post> Command(string text, string expect)
    {
        Mark();
        await SendCommandAsync(text);
        return await Expect(expect);
    }

    /// <summary>Types <paramref name="text"/> in the DM with the bot.</summary>
    public async Task<Post> Type(string text, string expect)
    {
        Mark();
        await SendEventAsync(SlackPayloads.MessageEvent(userId, text));
        return await Expect(expect);
    }

    /// <summary>Presses the newest button labelled <paramref name="label"/> in anything the bot sent.</summary>
    public async Task<Post> Press(string label, string expect)
    {
        Mark();
        await PressAsync(label);
        return await Expect(expect);
    }

    /// <summary>Another thing the person should see after the same step.</summary>
    public Task<Post> Expect(string fragment) => bot.Slack.WaitForPostAsync(_cursor, fragment);

    public void Mark() => _cursor = bot.Slack.PostCount;

    public async Task<JsonElement?> PressAsync(string label)
    {
        var message = bot.Slack.Posts.LastOrDefault(p => p.Buttons.Any(b => b.Label == label))
                      ?? throw new InvalidOperationException($"No button “{label}” was ever shown.");
        var button = message.Buttons.Last(b => b.Label == label);
        return await SendInteractionAsync(SlackPayloads.BlockActions(userId, message, button.ActionId, button.Value));
    }

    /// <summary>Sends a slash command; an answer in its acknowledgement is shown in place, as Slack would.</summary>
    public async Task SendCommandAsync(string text, Uri? responseUrl = null, string? triggerId = null)
    {
        responseUrl ??= bot.Slack.NewResponseUrl();
        var fields = SlackPayloads.SlashCommand(userId, text, responseUrl, triggerId);
        JsonElement? answer;
        if (bot.Transport == SlackTransport.SocketMode)
        {
            answer = await bot.Slack.AckOf(await bot.Slack.SendEnvelopeAsync("slash_commands", fields));
        }
        else
        {
            using var response = await bot.PostSignedAsync(SlackEndpoints.CommandsPath, await new FormUrlEncodedContent(fields).ReadAsStringAsync(),
                "application/x-www-form-urlencoded");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            answer = body.Length == 0 ? null : JsonDocument.Parse(body).RootElement;
        }

        if (answer is { ValueKind: JsonValueKind.Object } message)
        {
            bot.Slack.RecordCommandAnswer(message, responseUrl);
        }
    }

    /// <summary>Sends an interaction payload; returns the acknowledgement's body (a modal's errors, say), if any.</summary>
    public async Task<JsonElement?> SendInteractionAsync(object payload)
    {
        if (bot.Transport == SlackTransport.SocketMode)
        {
            return await bot.Slack.AckOf(await bot.Slack.SendEnvelopeAsync("interactive", payload));
        }

        var form = new FormUrlEncodedContent([new("payload", JsonSerializer.Serialize(payload))]);
        using var response = await bot.PostSignedAsync(SlackEndpoints.InteractionsPath, await form.ReadAsStringAsync(), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task SendEventAsync(object body, IReadOnlyDictionary<string, string>? headers = null)
    {
        if (bot.Transport == SlackTransport.SocketMode)
        {
            await bot.Slack.AckOf(await bot.Slack.SendEnvelopeAsync("events_api", body));
            return;
        }

        using var response = await bot.PostSignedAsync(SlackEndpoints.EventsPath, JsonSerializer.Serialize(body), "application/json", headers: headers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
