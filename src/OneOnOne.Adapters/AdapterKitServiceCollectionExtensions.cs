using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Settings;
using OneOnOne.Telemetry;

namespace OneOnOne.Adapters;

public static class AdapterKitServiceCollectionExtensions
{
    /// <summary>
    /// The kit every adapter runs on: the durable inbox (its store comes with the data layer) with
    /// <typeparamref name="THandler"/> as the adapter's handler, and the work that runs beside it. Call it
    /// before registering the adapter's transports: the inbox then starts before, and stops after, what feeds it.
    /// </summary>
    public static IServiceCollection AddAdapterKit<THandler>(this IServiceCollection services)
        where THandler : class, IInboxHandler
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(InlineAnswerClock.System);
        services.AddOptions<InboxOptions>().BindSettings(InboxOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>());
        services.AddSingleton<IInboxHandler, THandler>();
        services.AddSingleton<DurableInbox>();
        services.AddSingleton<SideWork>();
        services.AddBotTelemetry();
        services.AddSingleton(provider => new InboxDepth(() => provider.GetRequiredService<DurableInbox>().Waiting));

        // The inbox drains after the side work, which may still be adding to it.
        services.AddHostedService(provider => provider.GetRequiredService<DurableInbox>());
        services.AddHostedService(provider => provider.GetRequiredService<SideWork>());
        return services;
    }
}
