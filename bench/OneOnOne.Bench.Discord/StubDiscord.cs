using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Bench.Discord;

/// <summary>
/// Just enough Discord REST for the bot to start and to deliver its answers: it counts the edits of
/// deferred replies, which is how the engine's finished work shows.
/// </summary>
internal sealed class StubDiscord : IAsyncDisposable
{
    public const string ApplicationId = "1100000000000000002";

    private readonly WebApplication _app;
    private long _edits;

    private StubDiscord(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = string.Empty;

    public long Edits => Interlocked.Read(ref _edits);

    public static async Task<StubDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubDiscord(app);
        app.MapGet("/api/v10/users/@me", () => Results.Json(new { id = "1100000000000000003", username = "oneonone", bot = true }));
        app.MapGet("/api/v10/users/@me/guilds", () => Results.Json(Array.Empty<object>()));
        app.MapGet("/api/v10/applications/{app}/commands", () => Results.Json(Array.Empty<object>()));
        app.MapPut("/api/v10/applications/{app}/commands", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync(), "application/json"));
        app.MapMethods("/api/v10/webhooks/{app}/{token}/messages/@original", ["PATCH"], () =>
        {
            Interlocked.Increment(ref stub._edits);
            return Results.Json(new { id = "1", channel_id = "1" });
        });
        app.MapPost("/api/v10/webhooks/{app}/{token}", () => Results.Json(new { id = "2", channel_id = "1" }));
        app.MapGet("/stats", () => Results.Json(new { edits = stub.Edits }));
        await app.StartAsync();
        stub.ApiBaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/v10/";
        return stub;
    }

    /// <summary>Returns when the process is asked to stop (SIGTERM, Ctrl+C) or the token fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
