using Microsoft.Extensions.Options;

namespace OneOnOne.Core.FollowUps;

/// <summary>Refuses follow-up timings that would plan nudges in the past or in a tight loop, naming each setting.</summary>
internal sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        var problems = new List<string>();

        // Zero is a real choice for these: "ask right when it ends", "no tolerance".
        NotNegative(nameof(FollowUpOptions.PocketGuideLead), options.PocketGuideLead);
        NotNegative(nameof(FollowUpOptions.DidYouMeetDelay), options.DidYouMeetDelay);
        NotNegative(nameof(FollowUpOptions.ReflectionPromptDelay), options.ReflectionPromptDelay);
        NotNegative(nameof(FollowUpOptions.ThankYouDelay), options.ThankYouDelay);
        NotNegative(nameof(FollowUpOptions.ConfirmCommitmentLead), options.ConfirmCommitmentLead);
        NotNegative(nameof(FollowUpOptions.ConfirmCommitmentLateDelay), options.ConfirmCommitmentLateDelay);
        NotNegative(nameof(FollowUpOptions.RevisitMaybeDelay), options.RevisitMaybeDelay);
        NotNegative(nameof(FollowUpOptions.OfferNewDateDelay), options.OfferNewDateDelay);
        NotNegative(nameof(FollowUpOptions.LateTolerance), options.LateTolerance);

        // These are paces and windows: zero would repeat forever or count nothing.
        Positive(nameof(FollowUpOptions.BookNextMeetingDelay), options.BookNextMeetingDelay);
        Positive(nameof(FollowUpOptions.NoNextStepCheckIn), options.NoNextStepCheckIn);
        Positive(nameof(FollowUpOptions.CorePace), options.CorePace);
        Positive(nameof(FollowUpOptions.ActivePace), options.ActivePace);
        Positive(nameof(FollowUpOptions.ContributorPace), options.ContributorPace);
        Positive(nameof(FollowUpOptions.FollowerPace), options.FollowerPace);
        Positive(nameof(FollowUpOptions.UncontactedAfter), options.UncontactedAfter);
        Positive(nameof(FollowUpOptions.GoalWindow), options.GoalWindow);
        Positive(nameof(FollowUpOptions.StaleAfter), options.StaleAfter);
        Positive(nameof(FollowUpOptions.UnansweredAfter), options.UnansweredAfter);
        Positive(nameof(FollowUpOptions.RetryDelay), options.RetryDelay);

        if (options.SecondReflectionPromptDelay < options.ReflectionPromptDelay)
        {
            problems.Add($"{Key(nameof(FollowUpOptions.SecondReflectionPromptDelay))} must be at least {Key(nameof(FollowUpOptions.ReflectionPromptDelay))} " +
                         $"({options.ReflectionPromptDelay:c}): the second reflection prompt comes after the first.");
        }

        AtLeastOne(nameof(FollowUpOptions.UnansweredBeforePauseSuggestion), options.UnansweredBeforePauseSuggestion);
        AtLeastOne(nameof(FollowUpOptions.DispatchBatchSize), options.DispatchBatchSize);

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void NotNegative(string setting, TimeSpan value)
        {
            if (value < TimeSpan.Zero)
            {
                problems.Add($"{Key(setting)} is {value:c}, which is negative: use a duration of 00:00:00 or more, e.g. 01:00:00 for an hour.");
            }
        }

        void Positive(string setting, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{Key(setting)} is {value:c}: use a duration longer than zero, e.g. 14.00:00:00 for two weeks.");
            }
        }

        void AtLeastOne(string setting, int value)
        {
            if (value < 1)
            {
                problems.Add($"{Key(setting)} is {value}: use a whole number of 1 or more.");
            }
        }
    }

    private static string Key(string setting) => $"{FollowUpOptions.SectionName}:{setting}";
}
