using Microsoft.Extensions.Options;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Engine;

/// <summary>Refuses a default time zone this machine doesn't know, rather than quietly using the machine's own.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public const int ShortestCommandLimit = 100;

    public const int LongestCommandLimit = 100_000;

    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.DefaultTimeZone) && !Zones.TryFind(options.DefaultTimeZone, out _))
        {
            problems.Add($"{EngineOptions.Section}:{nameof(EngineOptions.DefaultTimeZone)} is \"{options.DefaultTimeZone}\", which is not a time zone " +
                         "this machine knows: use an IANA name such as America/New_York or Europe/Berlin, or leave it empty for this machine's zone.");
        }

        if (options.MaxCommandLength is < ShortestCommandLimit or > LongestCommandLimit)
        {
            problems.Add($"{EngineOptions.Section}:{nameof(EngineOptions.MaxCommandLength)} is {options.MaxCommandLength}: " +
                         $"use a number of characters from {ShortestCommandLimit} to {LongestCommandLimit}, or leave it out for 2000.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
