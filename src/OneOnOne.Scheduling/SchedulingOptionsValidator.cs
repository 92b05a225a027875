using Microsoft.Extensions.Options;

namespace OneOnOne.Scheduling;

/// <summary>Refuses a dispatch interval Quartz can't run.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    // Quartz counts repeat intervals in whole milliseconds; tests run passes a few hundred milliseconds apart.
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(1);

    public static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var problems = new List<string>();
        if (options.Interval < ShortestInterval || options.Interval > LongestInterval)
        {
            problems.Add($"{SchedulingOptions.Section}:{nameof(SchedulingOptions.Interval)} is {options.Interval:c}: use a duration longer than zero " +
                         $"and at most {LongestInterval:c}, e.g. 00:00:30 (how often the bot looks for due follow-ups and digests).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
