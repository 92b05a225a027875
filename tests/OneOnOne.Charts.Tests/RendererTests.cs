using OneOnOne.Core.Digests;

namespace OneOnOne.Charts.Tests;

public class RendererTests
{
    [Fact]
    public void Renders_through_the_engine_interface()
    {
        IDigestChartRenderer renderer = new DigestChartRenderer();

        var png = renderer.Render(Digests.Team());

        Assert.Equal("image/png", renderer.ContentType);
        Assert.Equal("team-digest-2026-11-30.png", renderer.FileName(Digests.WeekEnd));
        Assert.Equal((1000, 520), Png.HeaderSize(png));
        Assert.Equal(DigestChart.RenderPng(Digests.Team()), png);
    }

    [Fact]
    public void Uses_the_size_it_was_given()
    {
        var png = new DigestChartRenderer(720, 1280).Render(Digests.Team());

        Assert.Equal((720, 1280), Png.HeaderSize(png));
    }

    [Fact]
    public void Rejects_unusable_sizes_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestChartRenderer(10, 520));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestChartRenderer(1000, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestChartRenderer(100_000, 520));
    }
}
