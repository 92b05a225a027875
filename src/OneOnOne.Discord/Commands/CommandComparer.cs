using System.Text.Json;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Commands;

/// <summary>
/// Whether the commands Discord has are the ones we would register. Discord lists them back with ids,
/// versions and defaults filled in; both sides are reduced to what we define, with defaults made
/// explicit, and compared as canonical JSON.
/// </summary>
internal static class CommandComparer
{
    public static bool AreSame(IEnumerable<ApplicationCommand> registered, IEnumerable<ApplicationCommand> wanted) =>
        Canonical(registered).SequenceEqual(Canonical(wanted), StringComparer.Ordinal);

    private static IEnumerable<string> Canonical(IEnumerable<ApplicationCommand> commands) =>
        commands.Select(Normalize).OrderBy(c => c, StringComparer.Ordinal);

    private static string Normalize(ApplicationCommand command) => JsonSerializer.Serialize(new ApplicationCommand
    {
        Type = command.Type ?? 1,
        Name = command.Name,
        Description = command.Description,
        Options = Normalize(command.Options),
        Contexts = command.Contexts?.Order().ToList(),
        IntegrationTypes = command.IntegrationTypes is { Count: > 0 } types ? types.Order().ToList() : [0],
        DefaultMemberPermissions = command.DefaultMemberPermissions,
        Nsfw = command.Nsfw ?? false,
    }, DiscordJson.Default.ApplicationCommand);

    private static List<CommandOption>? Normalize(List<CommandOption>? options) => options is not { Count: > 0 }
        ? null
        : options.Select(o => new CommandOption
        {
            Type = o.Type,
            Name = o.Name,
            Description = o.Description,
            Required = o.Required ?? false,
            Choices = o.Choices is { Count: > 0 } ? o.Choices.Select(c => new CommandChoice { Name = c.Name, Value = c.Value }).ToList() : null,
            Options = Normalize(o.Options),
            ChannelTypes = o.ChannelTypes is { Count: > 0 } ? o.ChannelTypes.Order().ToList() : null,
            MinValue = o.MinValue,
            MaxValue = o.MaxValue,
            MinLength = o.MinLength,
            MaxLength = o.MaxLength,
            Autocomplete = o.Autocomplete ?? false,
        }).ToList();
}
