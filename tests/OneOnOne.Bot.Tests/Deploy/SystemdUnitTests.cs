using System.Diagnostics;

namespace OneOnOne.Bot.Tests.Deploy;

/// <summary>The units in deploy/systemd as systemd itself reads them: no unknown key, no value it would ignore.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string Folder = Path.Combine(DockerfileScript.RepositoryRoot, "deploy", "systemd");

    [SystemdAnalyzeFact]
    public async Task The_units_pass_systemd_analyze_verify()
    {
        var start = new ProcessStartInfo(SystemdAnalyzeFactAttribute.Tool)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("verify");
        foreach (var unit in Directory.GetFiles(Folder).Where(f => f.EndsWith(".service", StringComparison.Ordinal) || f.EndsWith(".timer", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add(Path.GetFileName(unit));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("systemd-analyze did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        // verify exits 0 on an unknown key or a value it ignores, and only says so: anything it says is a finding.
        Assert.True(process.ExitCode == 0, await errors);
        Assert.Equal(string.Empty, (await output + await errors).Trim());
    }

    /// <summary>Runs where systemd's analyzer is installed (Linux with systemd, as CI); says so when skipped elsewhere.</summary>
    private sealed class SystemdAnalyzeFactAttribute : FactAttribute
    {
        public const string Tool = "/usr/bin/systemd-analyze";

        public SystemdAnalyzeFactAttribute()
        {
            if (!File.Exists(Tool))
            {
                Skip = $"{Tool} is not installed here (Debian's systemd package has it).";
            }
        }
    }
}
