using System.Text.Json;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Method;
using OneOnOne.Discord.Wire;
using static OneOnOne.Discord.Wire.CommandOptionType;

namespace OneOnOne.Discord.Commands;

/// <summary>
/// The <c>/one-on-one</c> command: how it is registered (one subcommand per engine command, with
/// typed options) and how a use of it reads as the engine's command text, e.g.
/// <c>/one-on-one plan person:@Maria kind:recruitment</c> → <c>plan &lt;@123|Maria&gt; recruitment</c>.
/// Bulk overwrite replaces every command the application has, so this is the complete list. A test holds
/// it to the engine's grammar: every engine command has a subcommand here or a reason in
/// <see cref="LeftOut"/>, and every use of a subcommand reads as its engine command.
/// </summary>
internal static class CommandCatalog
{
    public const string Name = "one-on-one";

    /// <summary>
    /// Engine commands with no subcommand, each for a reason. Typed in the DM with the bot they still work.
    /// Discord allows 25 subcommands, and <c>/one-on-one</c> has them all.
    /// </summary>
    public static IReadOnlySet<string> LeftOut { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // What the buttons under each reminder send ("followup 12 snooze-day"); no one needs to type it.
        "followup",
    };

    private static readonly Subcommand[] Subcommands =
    [
        new("help", "Everything I can do, with examples", [], _ => "help"),
        new("guide", "The method at a glance: one short screen per topic", [
            Choices("topic", "Which part of the method", GuideTopics.All.Select(t => (t.Title, t.Name))),
        ], o => Join("guide", o.String("topic"))),
        new("list", "Your list of people to sit down with", [], _ => "list"),
        new("add", "Add someone to your list", [
            PersonOption("Someone in this server"),
            NameOption("Their name, if they're not in this server"),
            Text("met-at", "Where you met, e.g. the kickoff"),
            Text("referred-by", "Who suggested them"),
        ], o => Join("list add", o.Person(), Prefixed("met at", o.String("met-at")), Prefixed("referred by", o.String("referred-by")))),
        new("remove", "Take someone off your list", PersonOptions(), o => Join("list remove", o.Person())),
        new("goal", "How many 1:1s you aim for in the next four weeks, and your progress", [
            Integer("count", "Number of 1:1s", 1, 100),
        ], o => Join("goal", o.IntegerText("count"))),
        new("plan", "Prepare a 1:1: your goal, their interests, your story, the ask", [
            .. PersonOptions(),
            Choices("kind", "What kind of 1:1", Enum.GetNames<MeetingKind>().Select(k => (k, k.ToLowerInvariant()))),
        ], o => Join("plan", o.Person(), o.String("kind"))),
        new("schedule", "Set the time and place; I'll draft the invitation and a calendar file", [
            Text("when", "e.g. tomorrow 6pm, tue 18:30, dec 3 6:30pm", required: true),
            .. PersonOptions(),
            Text("place", "Where you'll meet"),
            Integer("minutes", "How long, in minutes", 10, 240),
        ], o => Join("schedule", o.Person(), o.String("when"), Prefixed("at", o.String("place")), Prefixed("for", o.IntegerText("minutes")))),
        new("met", "You held a 1:1: their answer, the commitment, their level", PersonOptions(), o => Join("met", o.Person())),
        new("reflect", "Reflect on a 1:1 you held", PersonOptions(), o => Join("reflect", o.Person())),
        new("level", "Place someone on the engagement pyramid", [
            // A command choice has no description, so its name carries the level's meaning.
            Choices("level", "Where they are now", FlowChoices.Levels.Select(c => (c.Description is null ? c.Label : $"{c.Label}: {c.Description}", c.Value)), required: true),
            .. PersonOptions(),
        ], o => Join("level", o.Person(), o.String("level"))),
        new("note", "A private note about someone; only you will see it", [
            Text("text", "The note", required: true, maxLength: 2000),
            .. PersonOptions(),
        ], o => Join("note", o.Person() + ":", o.String("text"))),
        new("person", "Everything you know about someone", PersonOptions(), o => Join("person", o.Person())),
        new("people", "Your people, by level on the pyramid", [], _ => "people"),
        new("status", "Your goal, upcoming 1:1s, commitments and reminders", [], _ => "status"),
        new("continue", "Pick up the questions where you left off", [], _ => "continue"),
        new("cancel", "Leave the questions in progress, or call off a 1:1", PersonOptions(), o => Join("cancel", o.Person())),
        new("timezone", "Your time zone, for every time I show or read", [
            Text("zone", "e.g. Europe/Berlin or America/Chicago"),
        ], o => Join("timezone", o.String("zone"))),
        new("dates", "How you write dates like 12/03: 12 March or 3 December", [
            Choices("order", "Which comes first", [("Day first: 12/03 is 12 March", "day-first"), ("Month first: 12/03 is 3 December", "month-first"), ("Ask me when a date could be either", "ask")]),
        ], o => Join("dates", o.String("order"))),
        new("export", "A spreadsheet (CSV) of your people and 1:1s", [], _ => "export"),
        new("forget", "Erase what you recorded about someone (I'll ask first)", PersonOptions(), o => Join("forget", o.Person())),
        new("digest", "Preview the weekly team digest, or choose its channel and time", [
            new CommandOption { Type = Channel, Name = "channel", Description = "Where to post it every week", ChannelTypes = [0, 5] },
            Choices("day", "Which day it's posted", Enum.GetNames<DayOfWeek>().Select(d => (d, d.ToLowerInvariant()))),
            Text("time", "At what time, 24-hour, e.g. 09:00"),
            Text("zone", "In which time zone, e.g. Europe/Berlin"),
        ], DigestText),
        new("pause", "Hold every reminder for a while, e.g. a holiday", [
            Text("until", "e.g. dec 28"),
            Integer("days", "Or for how many days", 1, 365),
        ], PauseText),
        new("resume", "End a pause: reminders come again", [], _ => "resume"),
        new("nudges", "Turn reminders off altogether, or back on", [
            Choices("state", "On or off", [("On", "on"), ("Off", "off")], required: true),
        ], o => Join("nudges", o.String("state"))),
    ];

    public static ApplicationCommand Definition { get; } = new()
    {
        Type = 1,
        Name = Name,
        Description = "Prepare, hold and follow up relational 1:1s",
        Options = Subcommands.Select(s => new CommandOption
        {
            Type = SubCommand,
            Name = s.Name,
            Description = s.Description,
            Options = s.Options.Count == 0 ? null : [.. s.Options],
        }).ToList(),

        // In servers and in DMs with the bot; installed to servers.
        Contexts = [0, 1],
        IntegrationTypes = [0],
    };

    /// <summary>Every command the application should have: bulk overwrite deletes the rest.</summary>
    public static List<ApplicationCommand> All => [Definition];

    /// <summary>The engine's command text for a use of <c>/one-on-one</c>; null when it isn't ours or is malformed.</summary>
    public static string? ToEngineText(InteractionData? data)
    {
        if (data is not { Name: Name, Options: [{ Type: SubCommand } used, ..] })
        {
            return null;
        }

        var subcommand = Subcommands.FirstOrDefault(s => s.Name == used.Name);
        return subcommand?.Text(new CommandOptions(used.Options ?? [], data.Resolved));
    }

    /// <summary>
    /// <c>digest channel &lt;#id|name&gt; [day time [zone]]</c> when a channel is picked (the engine reads the
    /// channel and the schedule from one line), <c>digest time …</c> for a schedule alone, else the preview.
    /// Whatever was filled in is sent, so the engine can say what's missing rather than have it dropped.
    /// </summary>
    private static string DigestText(CommandOptions o)
    {
        var when = Join(o.String("day"), o.String("time"), o.String("zone"));
        if (o.Channel("channel") is { } channel)
        {
            return Join("digest channel", channel, when);
        }

        return when.Length > 0 ? Join("digest time", when) : "digest";
    }

    /// <summary><c>pause until &lt;date&gt;</c> or <c>pause for &lt;n&gt; days</c>; both filled in are both sent, and the engine asks for one.</summary>
    private static string PauseText(CommandOptions o) =>
        Join("pause", Prefixed("until", o.String("until")), Prefixed("for", o.IntegerText("days")), o.Integer("days") is null ? null : "days");

    private static string Join(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    private static string? Prefixed(string prefix, string? value) => string.IsNullOrEmpty(value) ? null : $"{prefix} {value}";

    private static CommandOption[] PersonOptions() =>
        [PersonOption("Someone in this server"), NameOption("Or their name, as on your list")];

    private static CommandOption PersonOption(string description) => new() { Type = User, Name = "person", Description = description };

    private static CommandOption NameOption(string description) => Text("name", description, maxLength: 200);

    private static CommandOption Text(string name, string description, bool required = false, int? maxLength = null) =>
        new() { Type = CommandOptionType.String, Name = name, Description = description, Required = required ? true : null, MaxLength = maxLength };

    private static CommandOption Integer(string name, string description, int min, int max) => new()
    {
        Type = CommandOptionType.Integer,
        Name = name,
        Description = description,
        MinValue = JsonSerializer.SerializeToElement(min),
        MaxValue = JsonSerializer.SerializeToElement(max),
    };

    private static CommandOption Choices(string name, string description, IEnumerable<(string Label, string Value)> choices, bool required = false) => new()
    {
        Type = CommandOptionType.String,
        Name = name,
        Description = description,
        Required = required ? true : null,
        Choices = choices.Select(c => new CommandChoice { Name = c.Label, Value = JsonSerializer.SerializeToElement(c.Value) }).ToList(),
    };

    private sealed record Subcommand(string Name, string Description, IReadOnlyList<CommandOption> Options, Func<CommandOptions, string> Text);
}
