using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Flows;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Settings;
using OneOnOne.Discord.Acknowledgement;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Http;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Socket;
using OneOnOne.Discord.Verification;

namespace OneOnOne.Discord;

public static class DiscordHostingExtensions
{
    /// <summary>
    /// Registers the Discord adapter: options (validated at start), the REST client, the messenger for
    /// follow-ups and digests, command registration, and the Gateway connection (unless
    /// <c>Discord:UseGateway</c> is off). Map the HTTP interactions endpoint with <see cref="MapDiscordEndpoints"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordAdapter(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindSettings(DiscordOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddDiscordRest();

        services.AddSingleton<BotIdentity>();
        services.AddSingleton<DiscordReadiness>();
        // Interaction tokens live 15 minutes; nothing older can usefully arrive again.
        // Ids for Discord's 15-minute redelivery; answers only for the 3 seconds in which an interaction can be answered.
        services.AddSingleton(provider => new RecentDeliveries<Wire.InteractionResponse>(
            provider.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(15), answersFor: TimeSpan.FromSeconds(3)));
        services.AddOptions<InboxOptions>().Configure<IOptions<DiscordOptions>>((inbox, discord) =>
        {
            inbox.Workers = discord.Value.Workers;
            inbox.Capacity = discord.Value.QueueCapacity;
        });
        services.AddSingleton<DiscordConversation>();

        services.AddSingleton<ComponentPayloadStore>();
        services.AddFlowCatalog();
        services.AddSingleton<FormSessions>();
        services.AddSingleton<FormOpener>();
        services.AddSingleton<DiscordRenderer>();

        services.AddSingleton<AttachmentFallback>();
        services.AddSingleton<ChannelPoster>();
        services.AddSingleton<ChannelResolver>();
        services.AddSingleton<DiscordMessenger>();
        services.AddSingleton<IPlatformMessenger>(provider => provider.GetRequiredService<DiscordMessenger>());
        services.AddSingleton<IPlatformChannelCheck, DiscordChannelCheck>();
        services.AddSingleton<InteractionReplier>();

        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<DirectMessageHandler>();
        services.AddSingleton<InteractionVerifier>();
        services.AddSingleton<SignatureFailureWatch>();
        services.AddSingleton<InteractionEndpoint>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<IGatewayEvents, GatewayDispatchRouter>();

        // Order matters: the token is checked and the command registered before the inbox resumes what an
        // earlier run left and before the Gateway connects; the inbox starts before (and stops after) what feeds it.
        services.AddHostedService<DiscordStartup>();
        services.AddAdapterKit<DiscordInbox>();
        services.AddHostedService<GatewayClient>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /discord/interactions</c>, the Interactions Endpoint URL. It answers only when
    /// <c>Discord:PublicKey</c> is set (404 otherwise), since nothing can be verified without it.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(InteractionEndpoint.Path, (HttpContext context) =>
            context.RequestServices.GetRequiredService<InteractionEndpoint>().HandleAsync(context));
        return endpoints;
    }
}
