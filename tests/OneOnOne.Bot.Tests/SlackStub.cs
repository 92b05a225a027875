using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneOnOne.Bot.Tests;

/// <summary>
/// Just enough of Slack on 127.0.0.1 for a bot to start and answer: every Web API method and response URL says
/// ok, and the bearer tokens it was called with are kept, so a test can tell which token the bot read.
/// </summary>
public sealed class SlackStub : IDisposable
{
    public const string BotToken = "xoxb-1234567890-abcdefghij";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _authorizations = new();

    private SlackStub(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
    }

    public string BaseUrl { get; }

    public string ApiUrl => BaseUrl + "api/";

    /// <summary>A response URL for a slash command: the bot posts its answer there when it doesn't ride on the acknowledgement.</summary>
    public string ResponseUrl => BaseUrl + "hooks/1";

    /// <summary>The <c>Authorization</c> headers of the Web API calls so far.</summary>
    public IReadOnlyCollection<string> Authorizations => _authorizations;

    /// <summary>The settings that start a bot on Slack's HTTP transport against this stub, listening on <paramref name="port"/>.</summary>
    public Dictionary<string, string?> BotSettings(int port) => new()
    {
        ["Slack__BotToken"] = BotToken,
        ["Slack__SigningSecret"] = SigningSecret,
        ["Slack__ApiBaseUrl"] = ApiUrl,
        ["Urls"] = $"http://127.0.0.1:{port}",
    };

    public static SlackStub Start()
    {
        var stub = new SlackStub(FreePort());
        stub._listener.Start();
        _ = stub.AnswerAsync();
        return stub;
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AnswerAsync()
    {
        var body = Encoding.UTF8.GetBytes(
            """{"ok":true,"url":"https://fake.slack.com/","team":"Fake Team","user":"oneonone","team_id":"T0001","user_id":"U0BOT","channel":{"id":"D0001"},"ts":"1.1"}""");
        while (_listener.IsListening)
        {
            try
            {
                var context = await _listener.GetContextAsync();
                if (context.Request.Headers["Authorization"] is { } authorization)
                {
                    _authorizations.Enqueue(authorization);
                }

                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    public void Dispose() => _listener.Close();
}
