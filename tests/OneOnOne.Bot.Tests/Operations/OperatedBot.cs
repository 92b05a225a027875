using System.Globalization;
using System.Text;
using OneOnOne.Slack.Verification;

namespace OneOnOne.Bot.Tests.Operations;

/// <summary>The real bot as a process on Slack's HTTP transport against a <see cref="SlackStub"/>, as an operator runs it.</summary>
public sealed class OperatedBot : IAsyncDisposable
{
    /// <summary>What Slack's HTTP transport says once the host listens.</summary>
    public const string ReadyMarker = "is ready at the Request URLs";

    private readonly BotProcess _process;
    private readonly SlackSignatureVerifier _signer = new(SlackStub.SigningSecret, TimeProvider.System);

    private OperatedBot(BotProcess process, SlackStub slack, ServingBot bot, HttpClient http)
    {
        _process = process;
        Slack = slack;
        Bot = bot;
        Http = http;
    }

    public SlackStub Slack { get; }

    public ServingBot Bot { get; }

    public HttpClient Http { get; }

    /// <param name="settings">Environment variables over the stub's; a null value unsets one.</param>
    public static async Task<OperatedBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var slack = SlackStub.Start();
        var port = SlackStub.FreePort();
        var process = new BotProcess { ForceConsole = false };
        foreach (var (name, value) in slack.BotSettings(port))
        {
            process.Settings[name] = value;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            process.Settings[name] = value;
        }

        var bot = process.Serve();
        var operated = new OperatedBot(process, slack, bot, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        try
        {
            await bot.WaitForOutputAsync(ReadyMarker);
        }
        catch
        {
            await operated.DisposeAsync();
            throw;
        }

        return operated;
    }

    /// <summary>Types <c>/one-on-one <paramref name="text"/></c> in Slack, signed as Slack signs it; returns the acknowledgement.</summary>
    public async Task<HttpResponseMessage> SlashCommandAsync(string text)
    {
        var form = new Dictionary<string, string>
        {
            ["team_id"] = "T0001",
            ["channel_id"] = "C0GENERAL",
            ["user_id"] = "U0ANA",
            ["user_name"] = "ana",
            ["command"] = "/one-on-one",
            ["text"] = text,
            ["response_url"] = Slack.ResponseUrl,
            ["trigger_id"] = $"1.2.{Guid.NewGuid():N}",
        };
        var body = await new FormUrlEncodedContent(form).ReadAsByteArrayAsync();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, _signer.Sign(timestamp, body));
        return await Http.SendAsync(request);
    }

    /// <summary>Everything the process printed, both streams.</summary>
    public string Printed => string.Join('\n', Bot.Output.Concat(Bot.Errors));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        Slack.Dispose();
        _process.Dispose();
    }
}
