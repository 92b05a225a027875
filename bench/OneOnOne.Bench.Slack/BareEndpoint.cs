using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Bench.Slack;

/// <summary>
/// The yardstick, measured on the same machine in the same run: a bare ASP.NET Core endpoint
/// (the default web builder, as a new app would have it) that reads the body, checks Slack's v0 signature
/// and timestamp, and answers a fixed JSON. Whatever the bot costs beyond this is the adapter and the engine.
/// </summary>
public static class BareEndpoint
{
    private static readonly byte[] Answer = """{"response_type":"ephemeral","text":"ok"}"""u8.ToArray();

    public static async Task<int> RunAsync(int port, string secret, Action<int> ready, int maxSeconds)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var key = Encoding.UTF8.GetBytes(secret);
        app.MapGet("/health", () => "ok");
        app.MapPost("/slack/commands", async context =>
        {
            var result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
            while (!result.IsCompleted)
            {
                context.Request.BodyReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
            }

            var body = result.Buffer.ToArray();
            context.Request.BodyReader.AdvanceTo(result.Buffer.End);
            var timestamp = context.Request.Headers["X-Slack-Request-Timestamp"].ToString();
            var signature = context.Request.Headers["X-Slack-Signature"].ToString();
            if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300
                || signature.Length != 67 || !signature.StartsWith("v0=", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var message = new byte[3 + timestamp.Length + 1 + body.Length];
            "v0:"u8.CopyTo(message);
            Encoding.ASCII.GetBytes(timestamp, message.AsSpan(3));
            message[3 + timestamp.Length] = (byte)':';
            body.CopyTo(message.AsSpan(4 + timestamp.Length));
            Span<byte> expected = stackalloc byte[32];
            HMACSHA256.HashData(key, message, expected);
            Span<byte> claimed = stackalloc byte[32];
            if (Convert.FromHexString(signature.AsSpan(3), claimed, out _, out _) != OperationStatus.Done
                || !CryptographicOperations.FixedTimeEquals(expected, claimed))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(Answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ready(new Uri(address).Port);
        Console.WriteLine($"bare: listening on {address}");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        try
        {
            await app.WaitForShutdownAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
