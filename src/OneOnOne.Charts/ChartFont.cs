using ScottPlot;
using SkiaSharp;

namespace OneOnOne.Charts;

/// <summary>
/// The one font the charts use: DejaVu Sans, embedded in this assembly. A slim container may have no
/// fonts at all (SkiaSharp then draws no text), and different hosts have different ones; embedding makes
/// text appear everywhere and the bytes of a chart depend on its data only.
/// </summary>
internal static class ChartFont
{
    /// <summary>A family name no system carries, so registering it cannot change other ScottPlot users' text.</summary>
    public const string Name = "OneOnOne Charts Sans";

    private static readonly object Gate = new();
    private static bool registered;

    public static SKTypeface Regular { get; } = Load("OneOnOne.Charts.Fonts.DejaVuSans.ttf");

    public static SKTypeface Bold { get; } = Load("OneOnOne.Charts.Fonts.DejaVuSans-Bold.ttf");

    /// <summary>Makes <see cref="Name"/> resolvable by ScottPlot. Idempotent and thread-safe.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            Fonts.FontResolvers.Add(new Resolver());
            registered = true;
        }
    }

    /// <summary>Width in pixels of <paramref name="text"/> drawn at <paramref name="size"/>.</summary>
    public static float Measure(string text, float size, bool bold = false)
    {
        using var font = new SKFont(bold ? Bold : Regular, size);
        return font.MeasureText(text);
    }

    /// <summary>Shortens <paramref name="text"/> with an ellipsis until it fits in <paramref name="maxWidth"/> pixels.</summary>
    public static string Fit(string text, float size, float maxWidth, bool bold = false)
    {
        if (Measure(text, size, bold) <= maxWidth)
        {
            return text;
        }

        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        for (var keep = elements.Length - 1; keep > 0; keep--)
        {
            var candidate = text[..elements[keep]].TrimEnd() + "…";
            if (Measure(candidate, size, bold) <= maxWidth)
            {
                return candidate;
            }
        }

        return "…";
    }

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded font {resource} is missing from {typeof(ChartFont).Assembly.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font {resource} could not be read.");
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == Name ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Name ? (bold ? Bold : Regular) : null;
    }
}
