namespace OneOnOne.Console;

/// <summary>The terminal the adapter talks through; tests hand it a StringReader and StringWriter.</summary>
public sealed class ConsoleIo(TextReader input, TextWriter output, bool isInteractive)
{
    public TextReader In { get; } = input;

    public TextWriter Out { get; } = output;

    /// <summary>True when a person is typing; false when a script is piped in.</summary>
    public bool IsInteractive { get; } = isInteractive;

    // "global::" because this namespace is itself called Console.
    public static ConsoleIo FromSystemConsole() =>
        new(global::System.Console.In, global::System.Console.Out, !global::System.Console.IsInputRedirected);
}
