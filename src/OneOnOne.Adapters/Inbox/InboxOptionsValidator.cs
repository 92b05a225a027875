using Microsoft.Extensions.Options;

namespace OneOnOne.Adapters.Inbox;

/// <summary>Refuses inbox settings that would lose or repeat what people sent, with the setting to fix named.</summary>
internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    /// <summary>A Discord interaction can be redelivered for as long as its token lives; tombstones must outlast that.</summary>
    public static readonly TimeSpan ShortestKeep = TimeSpan.FromMinutes(15);

    /// <summary>A claim shorter than this could run out while the engine is still working on the item.</summary>
    public static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(30);

    /// <summary>A dead instance's work waits a lease before it is taken over; longer than a day helps nobody (and timers can't count it).</summary>
    public static readonly TimeSpan LongestLease = TimeSpan.FromDays(1);

    /// <summary>The width of the <c>LeaseOwner</c> column.</summary>
    public const int LongestOwner = 200;

    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        var problems = new List<string>();
        if (options.MaxAttempts < 1)
        {
            problems.Add(Problem(nameof(InboxOptions.MaxAttempts), options.MaxAttempts, "use 1 or more"));
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            problems.Add(Problem(nameof(InboxOptions.RetryDelay), options.RetryDelay, "use a pause of zero or more"));
        }

        if (options.Lease < ShortestLease || options.Lease > LongestLease)
        {
            problems.Add(Problem(nameof(InboxOptions.Lease), options.Lease, $"use {ShortestLease} to {LongestLease}"));
        }

        if (options.PollEvery <= TimeSpan.Zero || options.PollEvery >= options.Lease)
        {
            problems.Add(Problem(nameof(InboxOptions.PollEvery), options.PollEvery,
                $"use a time above zero and shorter than {InboxOptions.Section}:{nameof(InboxOptions.Lease)}"));
        }

        if (options.KeepFinishedFor < ShortestKeep)
        {
            problems.Add(Problem(nameof(InboxOptions.KeepFinishedFor), options.KeepFinishedFor,
                $"use {ShortestKeep} or more, or a late redelivery would be handled twice"));
        }

        if (options.SweepEvery <= TimeSpan.Zero)
        {
            problems.Add(Problem(nameof(InboxOptions.SweepEvery), options.SweepEvery, "use a time above zero"));
        }

        if (string.IsNullOrWhiteSpace(options.Owner) || options.Owner.Length > LongestOwner)
        {
            problems.Add(Problem(nameof(InboxOptions.Owner), options.Owner, $"use a name of 1 to {LongestOwner} characters, unique to this instance"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string Problem(string setting, object? value, string fix) =>
        $"{InboxOptions.Section}:{setting} is \"{value}\": {fix}, or leave it out for the default.";
}
