using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;

namespace OneOnOne.Charts.Tests;

public class DigestChartTests
{
    [Fact]
    public void Renders_a_png_of_the_default_size_for_a_team_with_one_organizer_without_goal()
    {
        var digest = Digests.Team();
        Assert.Contains(digest.Organizers, o => o.Goal is null);

        var png = DigestChart.RenderPng(digest);

        Assert.True(Png.HasSignature(png));
        Assert.Equal((1000, 520), Png.HeaderSize(png));
        using var bitmap = Png.Decode(png);
        Assert.Equal(1000, bitmap.Width);
        Assert.Equal(520, bitmap.Height);
        Assert.True(Png.DistinctColors(bitmap) > 20, "expected bars and anti-aliased text, got a near-blank image");
    }

    [Theory]
    [InlineData(1600, 900)]
    [InlineData(480, 260)]
    [InlineData(720, 1280)]
    public void Honors_the_requested_size(int width, int height)
    {
        var png = DigestChart.RenderPng(Digests.Team(), width, height);

        Assert.Equal((width, height), Png.HeaderSize(png));
        using var bitmap = Png.Decode(png);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void An_empty_team_renders()
    {
        var png = DigestChart.RenderPng(Digests.Empty());

        Assert.Equal((1000, 520), Png.HeaderSize(png));
        using var bitmap = Png.Decode(png);
        Assert.True(Png.DistinctColors(bitmap) > 5);
    }

    [Fact]
    public void Sixty_organizers_render()
    {
        var png = DigestChart.RenderPng(Digests.Team(Digests.Many(60)));

        Assert.Equal((1000, 520), Png.HeaderSize(png));
        using var _ = Png.Decode(png);
    }

    [Fact]
    public void Same_input_gives_identical_bytes()
    {
        var first = DigestChart.RenderPng(Digests.Team());
        var second = DigestChart.RenderPng(Digests.Team());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Dictionary_order_does_not_change_the_bytes()
    {
        var digest = Digests.Team();
        var reordered = digest with
        {
            Pyramid = digest.Pyramid.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value),
            MovedUpTo = digest.MovedUpTo.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value),
        };

        Assert.Equal(DigestChart.RenderPng(digest), DigestChart.RenderPng(reordered));
    }

    [Fact]
    public void Concurrent_renders_agree()
    {
        var digest = Digests.Team(Digests.Many(30));
        var expected = DigestChart.RenderPng(digest);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = DigestChart.RenderPng(digest));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Organizer_names_are_drawn()
    {
        // With no usable font the names would not reach the pixels and both images would be equal.
        var digest = Digests.Team();
        var renamed = digest with
        {
            Organizers = digest.Organizers.Select((o, i) => i == 0 ? o with { Name = "Zed Someone Else" } : o).ToList(),
        };

        Assert.NotEqual(DigestChart.RenderPng(digest), DigestChart.RenderPng(renamed));
    }

    [Fact]
    public void Moves_up_are_drawn()
    {
        var digest = Digests.Team();
        var none = digest with { MovedUpTo = new Dictionary<EngagementLevel, int>() };

        Assert.NotEqual(DigestChart.RenderPng(digest), DigestChart.RenderPng(none));
    }

    [Fact]
    public void Very_long_and_blank_names_render()
    {
        var digest = Digests.Team(
        [
            new(new string('W', 300), 1, 4, 2),
            new("", 0, null, 0),
            new("   ", 0, 3, 0),
            new("Zoë Ångström-Øberg", 5, 0, 9),
        ]);

        Assert.Equal((1000, 520), Png.HeaderSize(DigestChart.RenderPng(digest)));
    }

    [Fact]
    public void Rejects_a_null_digest_and_unusable_sizes()
    {
        Assert.Throws<ArgumentNullException>(() => DigestChart.RenderPng(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestChart.RenderPng(Digests.Team(), DigestChart.MinWidth - 1, 520));
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestChart.RenderPng(Digests.Team(), 1000, DigestChart.MinHeight - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestChart.RenderPng(Digests.Team(), DigestChart.MaxSide + 1, 520));
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestChart.RenderPng(Digests.Team(), 1000, DigestChart.MaxSide + 1));
    }

    [Fact]
    public void Content_type_and_file_name()
    {
        Assert.Equal("image/png", DigestChart.ContentType);
        Assert.Equal("team-digest-2026-11-30.png", DigestChart.FileName(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.FromHours(-8))));
        Assert.Equal("team-digest-2027-01-04.png", DigestChart.FileName(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.FromHours(13))));
    }

    [Fact]
    public void File_name_ignores_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal("team-digest-2026-11-30.png", DigestChart.FileName(Digests.WeekEnd));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
