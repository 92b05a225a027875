using OneOnOne.Core.Engine;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary><c>timezone &lt;IANA zone&gt;</c>: the zone every time is read and shown in.</summary>
public sealed class TimezoneCommand(IOneOnOneStore store) : ICommand
{
    public string Name => "timezone";

    public CommandHelp Help { get; } = new(14, "timezone [<zone>]", "Your time zone, for every time I show or read", "timezone Europe/Berlin");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        if (arguments.Length == 0)
        {
            var source = context.Organizer switch
            {
                { TimeZone: not null } => string.Empty,
                { PlatformTimeZone: not null } => " (from your chat profile)",
                _ => " (your team's default)",
            };
            return Reply.WithText($"Your time zone is {context.Zone.Id}{source}; it's {Zones.Describe(context.Now, context.Zone, context.Now)} there. " +
                                  "Change it with `timezone America/Chicago` (any IANA zone name).");
        }

        if (!Zones.TryFind(arguments, out var zone))
        {
            return Reply.WithText($"I don't know the time zone “{arguments}”. Use an IANA name such as " +
                                  "`Europe/London`, `America/New_York` or `Asia/Kolkata`.");
        }

        context.Organizer.TimeZone = zone.Id;
        context.ChangeZone(zone);
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"Time zone set to {zone.Id}. It's {Zones.Describe(context.Now, zone, context.Now)} there now.");
    }
}
