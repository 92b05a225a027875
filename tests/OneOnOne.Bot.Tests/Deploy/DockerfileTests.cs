using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace OneOnOne.Bot.Tests.Deploy;

/// <summary>
/// What can be proven of the image without a container engine: the Dockerfile's own restore and publish commands produce
/// an app that starts and answers, what the build reads is copied in, and its health check tells 200 from the rest.
/// </summary>
public sealed class DockerfileTests : IDisposable
{
    // A cold Release build of every project on a busy two-core machine takes minutes; this only stops a hung build.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(15);

    private readonly DockerfileScript _dockerfile = DockerfileScript.Load();
    private readonly string _published = Directory.CreateTempSubdirectory("oneonone-published-").FullName;

    public void Dispose() => Directory.Delete(_published, recursive: true);

    [Fact]
    public async Task The_app_published_by_the_Dockerfile_s_own_commands_starts_and_answers()
    {
        var commands = _dockerfile.DotnetCommands.ToList();
        Assert.Equal(["dotnet restore", "dotnet publish"], commands.Select(c => string.Join(' ', c.Split(' ').Take(2))));
        foreach (var command in commands)
        {
            await RunDotnetAsync(AsRunHere(command));
        }

        // Published for one platform: only its native libraries, none of the other platforms' runtimes/ folders.
        Assert.False(Directory.Exists(Path.Combine(_published, "runtimes")));
        using var bot = new BotProcess { Entry = Path.Combine(_published, "OneOnOne.Bot.dll") };
        var (exitCode, output, errors) = await bot.RunAsync("list add Maria Lopez met at the kickoff", "status");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Added Maria Lopez to your list", output, StringComparison.Ordinal);
        var backup = await bot.RunCommandAsync("backup", "--to", "copy.db");
        Assert.True(backup.ExitCode == 0, backup.Errors);
    }

    [Fact]
    public void Every_build_setting_at_the_repository_root_is_copied_in()
    {
        // The sources come in whole (src/); what the build reads from the root has to be named file by file.
        var readByTheBuild = Directory.GetFiles(DockerfileScript.RepositoryRoot)
            .Select(Path.GetFileName)
            .Where(name => name is "global.json" or ".editorconfig" ||
                           name!.StartsWith("Directory.", StringComparison.Ordinal) ||
                           name.Equals("NuGet.config", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Contains("Directory.Packages.props", readByTheBuild);
        Assert.All(readByTheBuild, file => Assert.Contains(file, _dockerfile.CopiedFromContext));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, 0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    public async Task The_health_check_asks_healthz_and_passes_only_on_200(HttpStatusCode answer, int expectedExitCode)
    {
        using var bot = HealthEndpoint.Start(answer);

        var exitCode = await RunHealthCheckAsync(bot.Port);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Equal(["/healthz"], bot.Asked);
    }

    [Fact]
    public async Task The_health_check_fails_when_nothing_listens()
    {
        Assert.NotEqual(0, await RunHealthCheckAsync(FreePort()));
    }

    /// <summary>The Dockerfile's command for this machine: its platform for <c>$TARGETARCH</c>, a temporary folder for the output.</summary>
    private string[] AsRunHere(string command)
    {
        var arguments = command.Split(' ').Skip(1).Select(a => a.Replace("$TARGETARCH", TargetArch(), StringComparison.Ordinal)).ToArray();
        var output = Array.FindIndex(arguments, a => a is "-o" or "--output");
        if (output >= 0)
        {
            arguments[output + 1] = _published;
        }

        return arguments;
    }

    // Docker's names for the platforms .NET publishes for.
    private static string TargetArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"The image is built for amd64 and arm64, not {other}."),
    };

    private static async Task RunDotnetAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DockerfileScript.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // The build's own bin and obj, apart from the repository's (a platform-specific restore would otherwise rewrite
                // the projects' obj/project.assets.json under the developer's feet), kept between runs so a rerun is incremental.
                ["ArtifactsPath"] = Path.Combine(AppContext.BaseDirectory, "dockerfile-build"),

                // No build servers left running after the test, holding on to its output pipes.
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["UseSharedCompilation"] = "false",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{await output}\n{await errors}");
    }

    private async Task<int> RunHealthCheckAsync(int port)
    {
        // Docker runs a HEALTHCHECK written without brackets as /bin/sh -c "<command>".
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", _dockerfile.HealthCheck },
            Environment = { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start.");
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Stands in for the bot's probes on 127.0.0.1: answers every path with one status and notes what was asked.</summary>
    private sealed class HealthEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _asked = [];
        private readonly HttpStatusCode _answer;

        private HealthEndpoint(HttpStatusCode answer)
        {
            _answer = answer;
            Port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        }

        public int Port { get; }

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (_asked)
                {
                    return [.. _asked];
                }
            }
        }

        public static HealthEndpoint Start(HttpStatusCode answer)
        {
            var endpoint = new HealthEndpoint(answer);
            endpoint._listener.Start();
            _ = endpoint.AnswerAsync();
            return endpoint;
        }

        private async Task AnswerAsync()
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    lock (_asked)
                    {
                        _asked.Add(context.Request.Url!.AbsolutePath);
                    }

                    context.Response.StatusCode = (int)_answer;
                    context.Response.Close();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
