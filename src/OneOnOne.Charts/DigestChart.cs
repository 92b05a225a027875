using System.Globalization;
using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;
using ScottPlot;
using SkiaSharp;

namespace OneOnOne.Charts;

/// <summary>
/// The weekly digest as one picture: on the left each organizer's 1:1s held in their 4-week window against
/// their goal, on the right the team pyramid with this week's moves up. Deterministic: the same digest and
/// size give the same bytes (no clock, no system fonts, no randomness).
/// </summary>
public static class DigestChart
{
    public const string ContentType = "image/png";

    /// <summary>Most organizer rows drawn; past this the furthest behind are shown plus an "…and N more" row.</summary>
    public const int MaxOrganizerRows = 25;

    public const int MinWidth = 480;
    public const int MinHeight = 260;
    public const int MaxSide = 4000;

    private static readonly Color Ink = Color.FromHex("#1F2937");
    private static readonly Color Muted = Color.FromHex("#6B7280");
    private static readonly Color HeldColor = Color.FromHex("#1D4ED8");
    private static readonly Color GoalColor = Color.FromHex("#BFDBFE");
    private static readonly Color UpColor = Color.FromHex("#15803D");
    private static readonly Color NotPlacedColor = Color.FromHex("#D1D5DB");
    private static readonly Color DividerColor = Color.FromHex("#E5E7EB");

    private static readonly (EngagementLevel Level, Color Color)[] PyramidLevels =
    [
        (EngagementLevel.Core, Color.FromHex("#1E3A8A")),
        (EngagementLevel.Active, Color.FromHex("#2563EB")),
        (EngagementLevel.Contributor, Color.FromHex("#60A5FA")),
        (EngagementLevel.Follower, Color.FromHex("#BFDBFE")),
    ];

    /// <summary>e.g. <c>team-digest-2026-11-30.png</c>, dated by the week's last day as the caller sees it.</summary>
    public static string FileName(DateTimeOffset weekEnd) =>
        $"team-digest-{weekEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.png";

    public static byte[] RenderPng(TeamDigest digest, int width = 1000, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, MinHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);

        ChartFont.EnsureRegistered();

        // Landscape: the two panels side by side. Portrait (a phone screen): goals on top, pyramid below.
        var stacked = height > width;
        var scale = stacked
            ? Math.Clamp(Math.Min(width / 560f, height / 1040f), 0.5f, 4f)
            : Math.Clamp(Math.Min(width / 1000f, height / 520f), 0.5f, 4f);
        var frame = new Frame(scale);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException("Could not allocate the chart surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        float split;
        SKRect goals, pyramid;
        if (stacked)
        {
            split = (float)Math.Round(height * 0.56);
            goals = new SKRect(0, 0, width, split);
            pyramid = new SKRect(0, split, width, height);
        }
        else
        {
            split = (float)Math.Round(width * 0.56);
            goals = new SKRect(0, 0, split, height);
            pyramid = new SKRect(split, 0, width, height);
        }

        DrawGoals(canvas, goals, frame, digest.Organizers ?? []);
        DrawPyramid(canvas, pyramid, frame, digest);

        using (var divider = new SKPaint { Color = DividerColor.ToSKColor(), StrokeWidth = Math.Max(1f, scale), IsAntialias = false })
        {
            var inset = frame.Header * 0.35f;
            if (stacked)
            {
                canvas.DrawLine(inset, split, width - inset, split, divider);
            }
            else
            {
                canvas.DrawLine(split, inset, split, height - inset, divider);
            }
        }

        canvas.Flush();
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// Which organizers get a row, top to bottom: those working to a goal first, furthest behind it first; then
    /// those without one or paused (nobody is "behind" on holiday). Past <see cref="MaxOrganizerRows"/> only the
    /// first 24 are shown and the rest counted.
    /// </summary>
    internal static (IReadOnlyList<OrganizerProgress> Shown, int Hidden) SelectOrganizers(IReadOnlyList<OrganizerProgress> organizers)
    {
        static int? Chasing(OrganizerProgress o) => o.Paused ? null : o.Goal;

        var ordered = organizers
            .Select((o, index) => (o, index))
            .OrderBy(x => Chasing(x.o) is null ? 1 : 0)
            .ThenByDescending(x => Chasing(x.o) is { } goal ? goal - x.o.HeldInWindow : 0)
            .ThenBy(x => Chasing(x.o) is { } g && g > 0 ? (double)x.o.HeldInWindow / g : double.MaxValue)
            .ThenBy(x => x.o.HeldInWindow)
            .ThenBy(x => x.o.Name, StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => x.o)
            .ToList();

        return ordered.Count <= MaxOrganizerRows
            ? (ordered, 0)
            : (ordered.Take(MaxOrganizerRows - 1).ToList(), ordered.Count - (MaxOrganizerRows - 1));
    }

    /// <summary>A name on one line: runs of whitespace and control characters become one space.</summary>
    internal static string DisplayName(string? name)
    {
        var words = (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray()))
            .Where(w => w.Length > 0);
        var joined = string.Join(' ', words);
        return joined.Length == 0 ? "(no name)" : joined;
    }

    internal static string ProgressText(OrganizerProgress o) => (o.Goal, o.Paused) switch
    {
        ({ } goal, true) => $"{o.HeldInWindow} of {goal} · paused",
        (null, true) => $"{o.HeldInWindow} · paused",
        ({ } goal, false) when GoalMet(o) => $"{o.HeldInWindow} of {goal} ✓",
        ({ } goal, false) => $"{o.HeldInWindow} of {goal}",
        (null, false) => $"{o.HeldInWindow} · no goal",
    };

    private static bool GoalMet(OrganizerProgress o) => o.Goal is { } goal && goal > 0 && o.HeldInWindow >= goal;

    internal static string MovedUpCaption(TeamDigest digest)
    {
        var people = digest.Pyramid.Values.Sum() + digest.NotPlaced;
        return digest.MovedUp switch
        {
            0 when people == 0 => "No one on the team yet",
            0 => "No one moved up a level this week",
            1 => "1 person moved up a level this week",
            var n => $"{n} people moved up a level this week",
        };
    }

    private static void DrawGoals(SKCanvas canvas, SKRect area, Frame frame, IReadOnlyList<OrganizerProgress> organizers)
    {
        var (shown, hidden) = SelectOrganizers(organizers);
        var rows = shown.Count + (hidden > 0 ? 1 : 0);

        using var plot = frame.NewPlot("1:1s held in the last 4 weeks", area.Width);
        var dataHeight = area.Height - frame.Header - frame.Footer;
        var rowPx = dataHeight / Math.Max(rows, 1);
        var textSize = Math.Clamp(rowPx * 0.62f, 9f * frame.Scale, frame.Text);

        var names = shown.Select(o => DisplayName(o.Name)).ToList();
        if (hidden > 0)
        {
            names.Add($"…and {hidden} more");
        }

        var maxNameWidth = area.Width * 0.38f;
        names = names.Select(n => ChartFont.Fit(n, textSize, maxNameWidth)).ToList();
        var nameWidth = names.Count == 0 ? 0 : names.Max(n => ChartFont.Measure(n, textSize));

        var padLeft = frame.Margin + nameWidth + frame.Gap * 2;
        var padRight = frame.Margin;
        var dataWidth = area.Width - padLeft - padRight;
        plot.Layout.Fixed(new PixelPadding(padLeft, padRight, frame.Footer, frame.Header));

        if (rows == 0)
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
            var empty = plot.Add.Text("No organizers on this team yet", 0.5, 0.5);
            Frame.Style(empty, frame.Text, Muted, bold: false, Alignment.MiddleCenter);
            RenderPanel(canvas, area, plot);
            return;
        }

        double Y(int row) => rows - 1 - row;

        var labels = shown.Select(ProgressText).ToList();
        var labelWidth = labels.Max(l => ChartFont.Measure(l, textSize));
        var maxValue = Math.Max(1, shown.Max(o => Math.Max(o.Goal ?? 0, o.HeldInWindow)));
        var barSpan = Math.Max(dataWidth - frame.Gap - labelWidth, dataWidth * 0.3f);
        var xMax = maxValue * dataWidth / barSpan;

        // Bars fill most of a row, but no thicker than a finger's width however tall the picture is.
        var goalThickness = Math.Min(0.8, 40 * frame.Scale / rowPx);
        var goalBars = new List<Bar>();
        var heldBars = new List<Bar>();
        for (var i = 0; i < shown.Count; i++)
        {
            var o = shown[i];
            if (o.Goal is { } goal)
            {
                goalBars.Add(NewBar(Y(i), 0, goal, goalThickness, GoalColor));
            }

            heldBars.Add(NewBar(Y(i), 0, o.HeldInWindow, goalThickness * (o.Goal is null ? 0.75 : 0.55), HeldColor));
        }

        AddBars(plot, goalBars);
        AddBars(plot, heldBars);

        for (var i = 0; i < shown.Count; i++)
        {
            var o = shown[i];
            var end = Math.Max(o.Goal ?? 0, o.HeldInWindow);
            var text = plot.Add.Text(labels[i], end, Y(i));
            Frame.Style(text, textSize, o.Paused ? Muted : GoalMet(o) ? UpColor : Ink, bold: false, Alignment.MiddleLeft);
            text.OffsetX = frame.Gap;
        }

        var left = plot.Axes.Left;
        left.SetTicks(Enumerable.Range(0, rows).Select(r => Y(r)).ToArray(), names.ToArray());
        left.IsVisible = true;
        left.TickLabelStyle.FontName = ChartFont.Name;
        left.TickLabelStyle.FontSize = textSize;
        left.TickLabelStyle.ForeColor = Ink;
        left.MajorTickStyle.Length = 0;
        left.MinorTickStyle.Length = 0;

        plot.Axes.SetLimits(0, xMax, -0.6, rows - 0.4);
        RenderPanel(canvas, area, plot);

        frame.DrawLegend(canvas, area, padLeft, [("held", HeldColor), ("goal", GoalColor)]);
    }

    private static void DrawPyramid(SKCanvas canvas, SKRect area, Frame frame, TeamDigest digest)
    {
        using var plot = frame.NewPlot("Team pyramid", area.Width);
        var padLeft = frame.Margin * 2;
        var padRight = frame.Margin;
        var dataWidth = area.Width - padLeft - padRight;
        plot.Layout.Fixed(new PixelPadding(padLeft, padRight, frame.Footer, frame.Header));

        var rows = new List<(string Name, int Count, int Up, Color Color, double Y)>();
        var y = 4.3;
        foreach (var (level, color) in PyramidLevels)
        {
            rows.Add((Capitalize(Labels.Of(level)), digest.Pyramid.GetValueOrDefault(level), digest.MovedUpTo.GetValueOrDefault(level), color, y));
            y -= 1;
        }

        rows.Add((Capitalize(Labels.Of((EngagementLevel?)null)), digest.NotPlaced, 0, NotPlacedColor, 0));

        var countSize = frame.Text * 1.05f;
        var upSize = frame.Text * 0.9f;
        float LabelWidth((string Name, int Count, int Up, Color Color, double Y) r) =>
            ChartFont.Measure(Count(r.Count), countSize, bold: true)
            + (r.Up > 0 ? frame.Gap + ChartFont.Measure(UpText(r.Up), upSize) : 0);

        var widest = Math.Max(1, rows.Max(r => r.Count));
        var labelWidth = rows.Max(LabelWidth);
        var barSpan = Math.Max(dataWidth - frame.Gap - labelWidth, dataWidth * 0.35f);
        var xMin = -widest / 2.0;
        var xMax = xMin + widest * dataWidth / barSpan;

        const double yMin = -0.45, yMax = 4.95;
        var rowPx = (area.Height - frame.Header - frame.Footer) / (yMax - yMin);
        var thickness = Math.Min(0.5, 40 * frame.Scale / rowPx);
        AddBars(plot, rows.Select(r => NewBar(r.Y, -r.Count / 2.0, r.Count / 2.0, thickness, r.Color)).ToList());

        foreach (var r in rows)
        {
            var name = plot.Add.Text(r.Name, 0, r.Y + thickness / 2);
            Frame.Style(name, frame.Small, Muted, bold: false, Alignment.LowerCenter);
            name.OffsetY = -frame.Gap / 2;

            var count = plot.Add.Text(Count(r.Count), r.Count / 2.0, r.Y);
            Frame.Style(count, countSize, Ink, bold: true, Alignment.MiddleLeft);
            count.OffsetX = frame.Gap;

            if (r.Up > 0)
            {
                var up = plot.Add.Text(UpText(r.Up), r.Count / 2.0, r.Y);
                Frame.Style(up, upSize, UpColor, bold: false, Alignment.MiddleLeft);
                up.OffsetX = frame.Gap * 2 + ChartFont.Measure(Count(r.Count), countSize, bold: true);
            }
        }

        plot.Axes.Left.IsVisible = false;
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        RenderPanel(canvas, area, plot);

        frame.DrawCaption(canvas, area, padLeft, MovedUpCaption(digest), digest.MovedUp > 0 ? UpColor : Muted);

        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string UpText(int n) => $"+{n.ToString(CultureInfo.InvariantCulture)} this week";
    }

    private static Bar NewBar(double position, double from, double to, double size, Color color) => new()
    {
        Position = position,
        ValueBase = from,
        Value = to,
        Size = size,
        FillColor = color,
        LineWidth = 0,
        Orientation = Orientation.Horizontal,
    };

    private static void AddBars(Plot plot, List<Bar> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// Renders <paramref name="plot"/> on a surface of its own (ScottPlot clears the whole canvas it is given)
    /// and draws that into <paramref name="area"/>.
    /// </summary>
    private static void RenderPanel(SKCanvas canvas, SKRect area, Plot plot)
    {
        var info = new SKImageInfo((int)area.Width, (int)area.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException("Could not allocate a chart panel.");
        plot.Render(surface.Canvas, new PixelRect(0, info.Width, info.Height, 0));
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        canvas.DrawImage(image, area.Left, area.Top);
    }

    /// <summary>Sizes that scale with the picture, and the shared look of both panels.</summary>
    private sealed class Frame(float scale)
    {
        public float Scale { get; } = scale;

        public float Title => 28f * Scale;

        public float Text => 20f * Scale;

        public float Small => 17f * Scale;

        public float Header => 56f * Scale;

        public float Footer => 42f * Scale;

        public float Margin => 16f * Scale;

        public float Gap => 6f * Scale;

        public Plot NewPlot(string title, float width)
        {
            title = ChartFont.Fit(title, Title, width - Margin * 2, bold: true);
            var plot = new Plot();
            plot.FigureBackground.Color = Colors.White;
            plot.DataBackground.Color = Colors.White;
            plot.HideGrid();
            plot.Legend.IsVisible = false;

            plot.Title(title, Title);
            plot.Axes.Title.FullFigureCenter = true;
            var label = plot.Axes.Title.Label;
            label.FontName = ChartFont.Name;
            label.Bold = true;
            label.ForeColor = Ink;

            foreach (var axis in plot.Axes.GetAxes())
            {
                axis.IsVisible = false;
                axis.FrameLineStyle.Width = 0;
                axis.Label.FontName = ChartFont.Name;
                axis.TickLabelStyle.FontName = ChartFont.Name;
            }

            return plot;
        }

        public static void Style(ScottPlot.Plottables.Text text, float size, Color color, bool bold, Alignment alignment)
        {
            text.LabelFontName = ChartFont.Name;
            text.LabelFontSize = size;
            text.LabelBold = bold;
            text.LabelFontColor = color;
            text.LabelAlignment = alignment;
            text.LabelBackgroundColor = Colors.Transparent;
            text.LabelBorderWidth = 0;
        }

        /// <summary>Swatches with names, left-aligned under the data area.</summary>
        public void DrawLegend(SKCanvas canvas, SKRect area, float dataLeft, IReadOnlyList<(string Name, Color Color)> items)
        {
            using var font = new SKFont(ChartFont.Regular, Small);
            using var text = new SKPaint { Color = Muted.ToSKColor(), IsAntialias = true };
            using var swatch = new SKPaint { IsAntialias = false };
            var baseline = area.Bottom - Footer * 0.38f;
            var box = Small * 0.9f;
            var x = area.Left + dataLeft;
            foreach (var (name, color) in items)
            {
                swatch.Color = color.ToSKColor();
                canvas.DrawRect(SKRect.Create(x, baseline - box * 0.9f, box, box), swatch);
                x += box + Gap;
                canvas.DrawText(name, x, baseline, SKTextAlign.Left, font, text);
                x += font.MeasureText(name) + Gap * 4;
            }
        }

        public void DrawCaption(SKCanvas canvas, SKRect area, float dataLeft, string caption, Color color)
        {
            using var font = new SKFont(ChartFont.Regular, Small);
            using var text = new SKPaint { Color = color.ToSKColor(), IsAntialias = true };
            var fitted = ChartFont.Fit(caption, Small, area.Width - dataLeft - Margin);
            canvas.DrawText(fitted, area.Left + dataLeft, area.Bottom - Footer * 0.38f, SKTextAlign.Left, font, text);
        }
    }
}
