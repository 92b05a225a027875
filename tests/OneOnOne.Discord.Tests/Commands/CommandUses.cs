using System.Globalization;
using System.Text.Json;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Commands;

/// <summary>Uses of <c>/one-on-one</c> as Discord reports them, with options filled in the way a person could.</summary>
internal static class CommandUses
{
    public const string MemberId = "123456789012345678";
    public const string ChannelId = "800000000000000010";

    /// <summary>A value a person could fill in: a choice's first value, the smallest integer allowed, a member, a channel, or some text.</summary>
    public static CommandOptionValue Sample(CommandOption option) => option.Type switch
    {
        CommandOptionType.String when option.Choices is [var first, ..] => Value(option.Name, option.Type, first.Value.GetString()!),
        CommandOptionType.String => Value(option.Name, option.Type, $"some {option.Name}"),
        CommandOptionType.Integer => new CommandOptionValue
        {
            Name = option.Name,
            Type = option.Type,
            Value = JsonSerializer.SerializeToElement(option.MinValue?.GetInt64() ?? 1),
        },
        CommandOptionType.User => Value(option.Name, option.Type, MemberId),
        CommandOptionType.Channel => Value(option.Name, option.Type, ChannelId),
        _ => throw new InvalidOperationException($"No sample for option type {option.Type.ToString(CultureInfo.InvariantCulture)} ({option.Name})."),
    };

    public static CommandOptionValue Value(string name, int type, string value) =>
        new() { Name = name, Type = type, Value = JsonSerializer.SerializeToElement(value) };

    public static CommandOptionValue Value(string name, long value) =>
        new() { Name = name, Type = CommandOptionType.Integer, Value = JsonSerializer.SerializeToElement(value) };

    public static InteractionData Use(string subcommand, params CommandOptionValue[] options) => new()
    {
        Name = CommandCatalog.Name,
        Options = [new CommandOptionValue { Name = subcommand, Type = CommandOptionType.SubCommand, Options = [.. options] }],
        Resolved = new ResolvedData
        {
            Users = new() { [MemberId] = new DiscordUser { Id = MemberId, Username = "maria", GlobalName = "Maria Lopez" } },
            Channels = new() { [ChannelId] = new DiscordChannel { Id = ChannelId, Type = 0, Name = "team" } },
        },
    };
}
