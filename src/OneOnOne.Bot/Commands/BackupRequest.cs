namespace OneOnOne.Bot.Commands;

/// <summary>What <c>backup</c> was asked to do: where the copy goes, whether it may replace a file, and settings given on its command line.</summary>
internal sealed record BackupRequest(string Destination, bool Force, IReadOnlyList<string> Settings)
{
    public const string Usage = "Use it as: backup --to <file> [--force]";

    /// <param name="args">What follows the verb: <c>--to &lt;file&gt;</c> (or <c>--to=&lt;file&gt;</c>), <c>--force</c>, and settings
    /// written as for the bot itself (<c>--Database:ConnectionString=…</c>).</param>
    public static BackupRequest Parse(IReadOnlyList<string> args)
    {
        string? destination = null;
        var force = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                // "--to --force" names no file: the flag is not taken for one.
                case "--to":
                    destination = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
                    break;
                case var to when to.StartsWith("--to=", StringComparison.Ordinal):
                    destination = to["--to=".Length..];
                    break;
                case "--force":
                    force = true;
                    break;
                case var setting when IsSetting(setting):
                    settings.Add(setting);
                    break;
                default:
                    throw new BackupFailure($"\"{args[i]}\" is not something backup understands. {Usage}");
            }
        }

        return string.IsNullOrWhiteSpace(destination)
            ? throw new BackupFailure($"say where the copy goes. {Usage}")
            : new BackupRequest(destination, force, settings);
    }

    // A setting as the bot's own command line takes it: --Section:Key=value.
    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon &&
        arg.IndexOf('=', StringComparison.Ordinal) > colon;
}
