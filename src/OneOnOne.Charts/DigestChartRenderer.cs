using OneOnOne.Core.Digests;

namespace OneOnOne.Charts;

/// <summary>
/// <see cref="DigestChart"/> behind the engine's <see cref="IDigestChartRenderer"/>, e.g.
/// <c>services.AddSingleton&lt;IDigestChartRenderer, DigestChartRenderer&gt;()</c>. Stateless and thread-safe.
/// </summary>
public sealed class DigestChartRenderer : IDigestChartRenderer
{
    private readonly int width;
    private readonly int height;

    public DigestChartRenderer()
        : this(1000, 520)
    {
    }

    public DigestChartRenderer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, DigestChart.MinWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, DigestChart.MinHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, DigestChart.MaxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, DigestChart.MaxSide);
        this.width = width;
        this.height = height;
    }

    public string ContentType => DigestChart.ContentType;

    public string FileName(DateTimeOffset weekEnd) => DigestChart.FileName(weekEnd);

    public byte[] Render(TeamDigest digest) => DigestChart.RenderPng(digest, width, height);
}
