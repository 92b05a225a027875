using System.Globalization;

namespace OneOnOne.Bench.Scheduling;

/// <summary>The command and its <c>--name value</c> options (a bare <c>--flag</c> means "true").</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    private BenchArgs(string command) => Command = command;

    public string Command { get; }

    public static BenchArgs Parse(string[] args)
    {
        var hasCommand = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
        var parsed = new BenchArgs(hasCommand ? args[0] : "all");
        for (var i = hasCommand ? 1 : 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._options[name] = hasValue ? args[++i] : "true";
        }

        return parsed;
    }

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var value) ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        _options.TryGetValue(name, out var value) ? long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => _options.TryGetValue(name, out var value) && value != "false";
}
