using System.Globalization;

namespace OneOnOne.Core.Domain;

/// <summary>Counts as they read in a sentence: "1 person", "3 people", "one 1:1", "4 1:1s".</summary>
public static class Counted
{
    public static string People(int count) => Of(count, "person", "people");

    public static string OneOnOnes(int count) => Of(count, "1:1", "1:1s");

    /// <summary>
    /// The count with its noun, singular for one. One is spelled out before a noun that starts with a digit,
    /// since "1 1:1" reads as a single number.
    /// </summary>
    public static string Of(int count, string one, string many) => count switch
    {
        1 when one.Length > 0 && char.IsAsciiDigit(one[0]) => $"one {one}",
        1 => $"1 {one}",
        _ => $"{count.ToString(CultureInfo.InvariantCulture)} {many}",
    };
}
