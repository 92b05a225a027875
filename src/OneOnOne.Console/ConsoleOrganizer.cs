using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>Who is typing at the console right now.</summary>
internal sealed record ConsoleOrganizer(string Name)
{
    public const string Platform = "console";

    // Everyone at one console shares a team, so switching with /as lets two organizers work together.
    public const string Workspace = "local";

    // The engine knows this placeholder, so an invitation is never signed "this is Organizer".
    private const string DefaultName = Core.Domain.Organizer.UnnamedDisplayName;

    /// <summary>The stable user id: the same name typed again, in any case, is the same organizer.</summary>
    public string Id { get; } = ToSlug(Name);

    public Address Address => new(Platform, Workspace, Id);

    public static ConsoleOrganizer FromName(string? name) =>
        new(string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim());

    private static string ToSlug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
