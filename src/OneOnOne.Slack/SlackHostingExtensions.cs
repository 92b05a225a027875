using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters;
using OneOnOne.Adapters.Flows;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Settings;
using OneOnOne.Slack.Acknowledgement;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Delivery;
using OneOnOne.Slack.Forms;
using OneOnOne.Slack.Http;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Socket;
using OneOnOne.Slack.Verification;

namespace OneOnOne.Slack;

public static class SlackHostingExtensions
{
    /// <summary>
    /// Registers the Slack adapter: options (validated at start), the Web API client, the messenger for
    /// follow-ups and digests, and the transport the settings choose: Socket Mode when an app-level
    /// token is set, otherwise the HTTP endpoints (map them with <see cref="SlackEndpoints.MapSlackEndpoints"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSlackAdapter(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindSettings(SlackOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSlackWebApi();
        services.AddSingleton<SlackIdentity>();
        services.AddSingleton<SlackReadiness>();
        services.AddSingleton<SlackUserDirectory>();

        services.AddFlowCatalog();
        services.AddSingleton<SlackMessageRenderer>();
        services.AddSingleton<SlackHomeBuilder>();
        services.AddSingleton<SlackPoster>();
        services.AddSingleton<SlackReplier>();
        services.AddSingleton<SlackMessenger>();
        services.AddSingleton<IPlatformMessenger>(provider => provider.GetRequiredService<SlackMessenger>());
        services.AddSingleton<IPlatformChannelCheck, SlackChannelCheck>();

        services.AddOptions<InboxOptions>().Configure<IOptions<SlackOptions>>((inbox, slack) =>
        {
            inbox.Workers = slack.Value.Workers;
            inbox.Capacity = SlackInbox.CapacityPerWorker * slack.Value.Workers;
        });
        services.AddSingleton<SlackForms>();
        services.AddSingleton<SlackConversation>();
        services.AddSingleton<SlackFormSubmissions>();
        services.AddSingleton<SlackDispatcher>();

        // Order matters: the token is checked before anything listens (or the inbox resumes what an earlier run
        // left), and the inbox starts before (and so stops after) the socket that feeds it.
        services.AddHostedService<SlackStartup>();
        services.AddAdapterKit<SlackInbox>();
        if (SlackOptions.ChooseTransport(builder.Configuration) == SlackTransport.SocketMode)
        {
            services.AddHostedService<SocketModeClient>();
        }
        else
        {
            services.AddSingleton<SlackSignatureVerifier>();
            services.AddSingleton<SlackHttpReceiver>();
        }

        return builder;
    }
}
