using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Slack.Parsing;

namespace OneOnOne.Slack.Http;

public static class SlackEndpoints
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string EventsPath = "/slack/events";

    /// <summary>
    /// Maps the three Request URLs when the bot receives Slack over HTTP (a signing secret and no
    /// app-level token). In Socket Mode nothing is mapped: Slack doesn't call them, and an unused
    /// endpoint is only something to attack.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (SlackOptions.ChooseTransport(configuration) != SlackTransport.Http)
        {
            return endpoints;
        }

        // The receiver is resolved per request, so settings are validated when the host starts, not while routes are mapped.
        endpoints.MapPost(CommandsPath, (HttpContext context, SlackHttpReceiver receiver) =>
            receiver.ReceiveAsync(context, SlackInboundParser.ParseCommandForm));
        endpoints.MapPost(InteractionsPath, (HttpContext context, SlackHttpReceiver receiver) =>
            receiver.ReceiveAsync(context, SlackInboundParser.ParseInteractionForm));
        endpoints.MapPost(EventsPath, (HttpContext context, SlackHttpReceiver receiver) =>
            receiver.ReceiveAsync(context, SlackInboundParser.ParseEventBody));
        return endpoints;
    }
}
