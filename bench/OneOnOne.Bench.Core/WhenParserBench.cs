using System.Text;
using BenchmarkDotNet.Attributes;
using OneOnOne.Core.Time;

namespace OneOnOne.Bench.Core;

/// <summary>
/// Issue 10 asks that no date parse take over a millisecond on inputs up to the message limit (2,000 characters,
/// EngineOptions.MaxCommandLength). Each case is one call, as the bot makes it for a line typed.
/// </summary>
[MemoryDiagnoser]
public class WhenParserBench
{
    private const int MessageLimit = 2000;

    /// <summary>Thursday 26 Nov 2026, 10:00, as in the tests.</summary>
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0);

    public static IEnumerable<string> Cases =>
    [
        // What organizers type.
        "tomorrow 6pm",
        "Friday, December 11 at 2pm",
        "day after tomorrow at half past six in the evening",
        "12/03 6pm",
        // Worst cases up to the limit: every token a word the grammar knows, so each branch goes deep before failing.
        Repeat("tomorrow "),
        Repeat("at "),
        Repeat("next friday week "),
        Repeat("quarter to 12 "),
        Repeat("12/"),
        Repeat("dec 12 "),
        Repeat("in 2 hours and "),
        Repeat("p.m. "),
        Repeat("9"),
        Noise(),
    ];

    [ParamsSource(nameof(Cases))]
    public string Text { get; set; } = string.Empty;

    /// <summary>What every date answer goes through first.</summary>
    [Benchmark]
    public bool Read() => WhenParser.TryRead(Text, Now, out _, out _);

    /// <summary>A day without a time, read when a time is missing.</summary>
    [Benchmark]
    public bool ReadDay() => WhenParser.TryReadDay(Text, Now, null, out _);

    /// <summary>Both readings of a slash date, tried when the organizer hasn't said how they write dates.</summary>
    [Benchmark]
    public bool ReadBothWays() => WhenParser.TryReadBothWays(Text, Now, out _, out _);

    private static string Repeat(string piece)
    {
        var text = new StringBuilder(MessageLimit);
        while (text.Length + piece.Length <= MessageLimit)
        {
            text.Append(piece);
        }

        return text.ToString();
    }

    /// <summary>The property test's mix: grammar words and stray characters, fixed seed.</summary>
    private static string Noise()
    {
        string[] pieces = ["tomorrow", "at", "@", "in", "the", "next", "fri", "dec.", "12", "6", "/", ".", ":", "h", "p.m.", "o'clock", "half", "past"];
        var random = new Random(20261126);
        var text = new StringBuilder(MessageLimit);
        while (text.Length < MessageLimit - 10)
        {
            text.Append(random.Next(4) == 0 ? (char)random.Next(32, 0x2100) : pieces[random.Next(pieces.Length)]).Append(' ');
        }

        return text.ToString();
    }
}
