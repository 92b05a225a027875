namespace OneOnOne.Console;

/// <summary>Settings for the console adapter, bound from the <c>Console</c> configuration section.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Who you are when the console starts; "Organizer" when not set.</summary>
    public string? User { get; set; }

    /// <summary>Where files the bot sends (calendar invites, exports) are saved.</summary>
    public string FilesDirectory { get; set; } = "data/files";
}
