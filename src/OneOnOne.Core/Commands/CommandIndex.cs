using Microsoft.Extensions.DependencyInjection;

namespace OneOnOne.Core.Commands;

/// <summary>A command type the engine can run, registered by <c>AddOneOnOneEngine</c>.</summary>
public sealed record CommandRegistration(Type Type);

/// <summary>
/// Which command answers to which word, learned once per process: the engine then builds only the
/// command an inbound names, rather than every command and its dependencies for every message.
/// </summary>
public sealed class CommandIndex(IServiceScopeFactory scopes, IEnumerable<CommandRegistration> registrations)
{
    private readonly Lazy<Catalog> _catalog = new(() => Catalog.Build(scopes, registrations));

    public IEnumerable<string> Names => _catalog.Value.Types.Keys;

    /// <summary>One line per command, in help order: usage, purpose and an example.</summary>
    public string HelpLines => _catalog.Value.HelpLines;

    public bool TryFind(string name, out Type type) => _catalog.Value.Types.TryGetValue(name, out type!);

    private sealed record Catalog(IReadOnlyDictionary<string, Type> Types, string HelpLines)
    {
        public static Catalog Build(IServiceScopeFactory scopes, IEnumerable<CommandRegistration> registrations)
        {
            using var scope = scopes.CreateScope();
            var commands = registrations
                .Select(r => (r.Type, Command: (ICommand)scope.ServiceProvider.GetRequiredService(r.Type)))
                .ToList();
            var lines = commands
                .Select(c => c.Command.Help)
                .OrderBy(h => h.Order)
                .Select(h => $"• `{h.Usage}`: {h.Purpose}" + (ShowsSomethingNew(h) ? $" (e.g. `{h.Example}`)" : string.Empty));
            return new Catalog(commands.ToDictionary(c => c.Command.Name, c => c.Type), string.Join('\n', lines));
        }

        /// <summary>An example is worth showing only when it fills something in; "e.g. `status`" just repeats the usage.</summary>
        private static bool ShowsSomethingNew(CommandHelp help) =>
            help.Example.Trim().Contains(' ', StringComparison.Ordinal) && help.Example.Trim() != help.Usage.Trim();
    }
}
