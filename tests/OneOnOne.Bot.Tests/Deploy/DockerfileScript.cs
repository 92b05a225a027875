using System.Text.RegularExpressions;

namespace OneOnOne.Bot.Tests.Deploy;

/// <summary>
/// deploy/docker/Dockerfile read as instructions, so tests run what it says instead of a copy of it that could drift:
/// continued lines joined, comments dropped.
/// </summary>
public sealed partial class DockerfileScript
{
    private DockerfileScript(IReadOnlyList<(string Keyword, string Arguments)> instructions) => Instructions = instructions;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot, "deploy", "docker", "Dockerfile");

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>The <c>dotnet</c> commands the build runs, in order, without RUN's own flags (<c>--mount=…</c>).</summary>
    public IEnumerable<string> DotnetCommands =>
        Instructions.Where(i => i.Keyword == "RUN")
            .Select(i => RunFlags().Replace(i.Arguments, string.Empty))
            .Where(command => command.StartsWith("dotnet ", StringComparison.Ordinal));

    /// <summary>The files and folders the COPY instructions take from the build context (not from another stage).</summary>
    public IEnumerable<string> CopiedFromContext =>
        Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from=", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));

    /// <summary>The shell command of HEALTHCHECK, as Docker hands it to <c>/bin/sh -c</c>.</summary>
    public string HealthCheck =>
        Instructions.Single(i => i.Keyword == "HEALTHCHECK").Arguments is var arguments
            ? arguments[(arguments.IndexOf(" CMD ", StringComparison.Ordinal) + " CMD ".Length)..]
            : string.Empty;

    public static DockerfileScript Load()
    {
        var instructions = new List<(string, string)>();
        var pending = string.Empty;
        foreach (var line in File.ReadAllLines(Path).Select(l => l.Trim()))
        {
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            pending += line.EndsWith('\\') ? line[..^1] : line;
            if (!line.EndsWith('\\'))
            {
                var keyword = pending.Split(' ', 2);
                instructions.Add((keyword[0].ToUpperInvariant(), keyword.Length > 1 ? Spaces().Replace(keyword[1], " ").Trim() : string.Empty));
                pending = string.Empty;
            }
        }

        return new DockerfileScript(instructions);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "OneOnOne.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OneOnOne.Bot.sln above {AppContext.BaseDirectory}: these tests run from a build inside the repository.");
    }

    [GeneratedRegex(@"^(--\S+\s+)+")]
    private static partial Regex RunFlags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
