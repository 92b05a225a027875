using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Commands;
using OneOnOne.Core.Digests;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Settings;

namespace OneOnOne.Core;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the conversation engine, its commands and flows. Storage (<see cref="Storage.IOneOnOneStore"/>)
    /// is registered by the data project; everything here is scoped to one inbound.
    /// </summary>
    public static IServiceCollection AddOneOnOneEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EngineOptions>().BindSettings(EngineOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.AddOptions<FollowUpOptions>().BindSettings(FollowUpOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>());
        services.AddSingleton(provider => new FollowUpPlanner(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FollowUpOptions>>().Value));

        services.AddSingleton<Messaging.IMessenger, Messaging.MessengerRouter>();
        services.AddSingleton<Messaging.IChannelCheck, Messaging.ChannelCheckRouter>();
        services.AddScoped<IConversationEngine, ConversationEngine>();
        services.AddSingleton<IConversationViews, ConversationViews>();
        services.AddSingleton<YesNoQuestions>();
        services.AddScoped<OrganizerDirectory>();
        services.AddScoped<FlowRunner>();
        services.AddScoped<FlowResumption>();

        // Process memory on purpose: "since this process started" is exactly what it remembers.
        services.AddSingleton<HeardSinceStart>();

        services.AddScoped<PersonResolver>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<LevelHistory>();
        services.AddScoped<MeetingBook>();
        services.AddScoped<FollowUpSync>();
        services.AddScoped<MeetingTransitions>();
        services.AddScoped<OrganizerNudges>();
        services.AddScoped<TeamDigestBuilder>();
        services.AddScoped<MeetingScheduler>();
        services.AddScoped<UsualTimes>();
        services.AddScoped<WhenFollowUps>();

        services.AddScoped<IFlow, PrepFlow>();
        services.AddScoped<IFlow, OutcomeFlow>();
        services.AddScoped<IFlow, ReflectionFlow>();
        services.AddScoped<IFlow, MoveFlow>();
        services.AddScoped<IFlow, ScheduleFlow>();

        services.AddSingleton<CommandIndex>();
        AddCommand<GoalCommand>(services);
        AddCommand<HelpCommand>(services);
        AddCommand<GuideCommand>(services);
        AddCommand<ListCommand>(services);
        AddCommand<PlanCommand>(services);
        AddCommand<ScheduleCommand>(services);
        AddCommand<MetCommand>(services);
        AddCommand<ReflectCommand>(services);
        AddCommand<LevelCommand>(services);
        AddCommand<NoteCommand>(services);
        AddCommand<PersonCommand>(services);
        AddCommand<PeopleCommand>(services);
        AddCommand<StatusCommand>(services);
        AddCommand<CancelCommand>(services);
        AddCommand<ContinueCommand>(services);
        AddCommand<TimezoneCommand>(services);
        AddCommand<DatesCommand>(services);
        AddCommand<ExportCommand>(services);
        AddCommand<ForgetCommand>(services);
        AddCommand<DigestCommand>(services);
        AddCommand<PauseCommand>(services);
        AddCommand<ResumeCommand>(services);
        AddCommand<NudgesCommand>(services);
        AddCommand<FollowUpCommand>(services);
        return services;
    }

    private static void AddCommand<TCommand>(IServiceCollection services)
        where TCommand : class, ICommand
    {
        services.AddScoped<TCommand>();
        services.AddSingleton(new CommandRegistration(typeof(TCommand)));
    }
}
