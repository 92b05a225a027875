using System.Globalization;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// What the process holds: the kernel's resident-set figures (VmRSS, and VmHWM, its peak) and the GC's.
/// A background sampler keeps the largest managed heap seen, since the GC reports no peak of its own.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakManaged;
    private long _peakCommitted;

    public MemorySampler(TimeSpan every)
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, every);
    }

    public long PeakManagedBytes => Interlocked.Read(ref _peakManaged);

    public long PeakCommittedBytes => Interlocked.Read(ref _peakCommitted);

    public void Sample()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        InterlockedMax(ref _peakManaged, managed);
        InterlockedMax(ref _peakCommitted, committed);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>VmHWM (peak resident set) and VmRSS from /proc/self/status, in bytes; Process' figures elsewhere.</summary>
    public static (long Peak, long Current) ResidentSet()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return (process.PeakWorkingSet64, process.WorkingSet64);
        }

        long peak = 0, current = 0;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kilobytes(line);
            }
        }

        return (peak, current);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
