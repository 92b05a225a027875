namespace OneOnOne.Bot;

/// <summary>Which adapter the bot talks through.</summary>
public enum BotMode
{
    /// <summary>A terminal: the default when no chat platform is configured.</summary>
    Console,
}

public static class BotModes
{
    public const string ConsoleFlag = "--console";

    /// <summary>
    /// Picks the mode from the command line. <c>--console</c> forces the console; it is removed from the
    /// arguments handed to the host, whose command-line configuration would not understand it.
    /// </summary>
    public static (BotMode Mode, string[] HostArgs) Choose(string[] args)
    {
        var hostArgs = args.Where(a => !string.Equals(a, ConsoleFlag, StringComparison.OrdinalIgnoreCase)).ToArray();
        return (BotMode.Console, hostArgs);
    }
}
