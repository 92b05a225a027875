using OneOnOne.Core.Digests;

namespace OneOnOne.Charts.Tests;

public class LayoutTests
{
    [Fact]
    public void Up_to_25_organizers_are_all_shown_furthest_behind_first_and_those_without_goal_or_paused_last()
    {
        var (shown, hidden) = DigestChart.SelectOrganizers(Digests.Team().Organizers);

        Assert.Equal(0, hidden);
        Assert.Equal(
            ["Ben Liu", "Amara Okafor", "Dev Patel", "Carmen Díaz", "Farid", "Gita Rao", "Elena Rossi-Hartmann de la Fuente"],
            shown.Select(o => o.Name));
    }

    [Fact]
    public void Exactly_25_organizers_are_all_shown()
    {
        var (shown, hidden) = DigestChart.SelectOrganizers(Digests.Many(25));

        Assert.Equal(25, shown.Count);
        Assert.Equal(0, hidden);
    }

    [Fact]
    public void Past_25_the_24_furthest_behind_are_shown_and_the_rest_counted()
    {
        var organizers = Digests.Many(60);

        var (shown, hidden) = DigestChart.SelectOrganizers(organizers);

        Assert.Equal(24, shown.Count);
        Assert.Equal(36, hidden);
        static int Behind(OrganizerProgress o) => o.Goal is { } g ? g - o.HeldInWindow : int.MinValue;
        var cut = shown.Min(Behind);
        Assert.All(organizers.Except(shown), o => Assert.True(Behind(o) <= cut));
        Assert.Equal(shown.Select(Behind).OrderByDescending(b => b), shown.Select(Behind));
    }

    [Fact]
    public void Ties_are_broken_by_name_then_by_position()
    {
        OrganizerProgress[] organizers = [new("Bo", 0, 4, 1), new("Al", 0, 4, 1), new("Al", 9, 4, 1)];

        var (shown, _) = DigestChart.SelectOrganizers(organizers);

        Assert.Same(organizers[1], shown[0]);
        Assert.Same(organizers[2], shown[1]);
        Assert.Same(organizers[0], shown[2]);
    }

    [Theory]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("  Ada\n\tLovelace ", "Ada Lovelace")]
    [InlineData("Ada\u0007Love", "AdaLove")]
    [InlineData("", "(no name)")]
    [InlineData(" \r\n ", "(no name)")]
    [InlineData(null, "(no name)")]
    public void Names_are_drawn_on_one_line(string? name, string expected) =>
        Assert.Equal(expected, DigestChart.DisplayName(name));

    [Theory]
    [InlineData(3, 5, "3 of 5")]
    [InlineData(5, 5, "5 of 5 ✓")]
    [InlineData(7, 5, "7 of 5 ✓")]
    [InlineData(0, 0, "0 of 0")]
    [InlineData(2, null, "2 · no goal")]
    public void Progress_reads_as_held_of_goal(int held, int? goal, string expected) =>
        Assert.Equal(expected, DigestChart.ProgressText(new OrganizerProgress("A", 0, goal, held)));

    [Theory]
    [InlineData(1, 5, "1 of 5 · paused")]
    [InlineData(5, 5, "5 of 5 · paused")]
    [InlineData(2, null, "2 · paused")]
    public void Paused_organizers_read_as_paused(int held, int? goal, string expected) =>
        Assert.Equal(expected, DigestChart.ProgressText(new OrganizerProgress("A", 0, goal, held) { Paused = true }));

    [Fact]
    public void A_paused_organizer_is_not_counted_as_behind()
    {
        OrganizerProgress[] organizers =
        [
            new("On holiday", 0, 10, 0) { Paused = true },
            .. Enumerable.Range(1, 30).Select(i => new OrganizerProgress($"O{i:00}", 0, 2, 1)),
        ];

        var (shown, hidden) = DigestChart.SelectOrganizers(organizers);

        Assert.DoesNotContain(organizers[0], shown);
        Assert.Equal(7, hidden);
    }

    [Fact]
    public void Moves_up_caption_counts_people()
    {
        var team = Digests.Team();
        Assert.Equal("4 people moved up a level this week", DigestChart.MovedUpCaption(team));
        Assert.Equal("1 person moved up a level this week", DigestChart.MovedUpCaption(team with
        {
            MovedUpTo = new Dictionary<Core.Domain.EngagementLevel, int> { [Core.Domain.EngagementLevel.Core] = 1 },
        }));
        Assert.Equal("No one moved up a level this week", DigestChart.MovedUpCaption(team with
        {
            MovedUpTo = new Dictionary<Core.Domain.EngagementLevel, int>(),
        }));
        Assert.Equal("No one on the team yet", DigestChart.MovedUpCaption(Digests.Empty()));
    }

    [Fact]
    public void Long_text_is_shortened_with_an_ellipsis_to_fit()
    {
        var fitted = ChartFont.Fit("Elena Rossi-Hartmann de la Fuente", 18, 120);

        Assert.EndsWith("…", fitted);
        Assert.StartsWith("Elena", fitted);
        Assert.True(ChartFont.Measure(fitted, 18) <= 120);
        Assert.Equal("Ben", ChartFont.Fit("Ben", 18, 120));
    }

    [Fact]
    public void The_embedded_font_is_what_scottplot_resolves()
    {
        ChartFont.EnsureRegistered();
        ChartFont.EnsureRegistered();

        Assert.Equal("DejaVu Sans", ChartFont.Regular.FamilyName);
        Assert.True(ChartFont.Regular.GlyphCount > 1000);
        Assert.True(ChartFont.Bold.IsBold);
        Assert.Same(ChartFont.Regular, ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: false, italic: false));
        Assert.Same(ChartFont.Bold, ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: true, italic: false));
        Assert.Equal(1, ScottPlot.Fonts.FontResolvers.Count(r => r.GetType().DeclaringType == typeof(ChartFont)));
    }
}
