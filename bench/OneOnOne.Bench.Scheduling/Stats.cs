using System.Diagnostics;
using System.Globalization;

namespace OneOnOne.Bench.Scheduling;

internal static class Stats
{
    public static double Ms(long startTimestamp, long endTimestamp) =>
        Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile (p in 0..1); the median of an even count is the mean of the middle two.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        if (p == 0.5 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
