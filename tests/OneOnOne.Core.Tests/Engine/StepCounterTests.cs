using System.Globalization;
using System.Text.RegularExpressions;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// The "(2/4)" in front of a question is a promise about how many questions there are. Whatever the
/// answers, it must never be taken back: no total that shrinks or grows once stated, no flow that ends
/// before the count said it would.
/// </summary>
public sealed partial class StepCounterTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Yes", 5)]
    [InlineData("No", 4)]
    [InlineData("Maybe", 4)]
    [InlineData("Skip", 3)]
    public async Task The_outcome_counter_stays_true_whatever_they_answered(string answer, int asked)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("met Maria");

        var counters = await WalkAsync(ana, "outcome", new Dictionary<string, string>
        {
            ["answer"] = answer,
            ["no-reason"] = "The activity",
            ["due"] = "next friday",
            ["next"] = "Not yet",
            ["level"] = "Contributor",
        });

        Assert.Equal(asked, counters.Count);
        AssertStaysTrue(counters);
    }

    [Theory]
    [InlineData("join the housing committee", 9)]
    [InlineData("skip", 8)]
    public async Task The_prep_counter_stays_true_with_or_without_an_ask(string ask, int asked)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("plan Maria");

        var counters = await WalkAsync(ana, "prep", new Dictionary<string, string> { ["ask"] = ask });

        Assert.Equal(asked, counters.Count);
        AssertStaysTrue(counters);
        ana.Expect("prep for Maria is saved");
    }

    [Fact]
    public async Task A_settled_count_reads_as_before()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("met Maria");
        (await ana.Press("Yes")).Expect("(2 of up to 6) What exactly did Maria commit to?");
        await ana.Send("join the committee");
        await ana.Send("next friday");
        (await ana.Press("Not yet")).Expect("(5/5) Where is Maria on the engagement pyramid now?");
    }

    /// <summary>Answers every question of <paramref name="flow"/> (a few words unless scripted) and returns the counter each showed.</summary>
    private static async Task<List<StepCounter>> WalkAsync(Conversation ana, string flow, IReadOnlyDictionary<string, string> answers)
    {
        var counters = new List<StepCounter>();
        var asked = new HashSet<string>();
        while (ana.Last.SelectMany(o => o.Blocks).OfType<QuestionBlock>().FirstOrDefault(q => q.Flow == flow) is { } question)
        {
            Assert.True(asked.Add(question.QuestionId), $"Asked “{question.QuestionId}” twice:\n{ana.LastText}");
            counters.Add(StepCounter.Read(ana.LastText));
            var answer = answers.GetValueOrDefault(question.QuestionId, "a few words");
            await (ana.Buttons.Any(b => b.Label == answer) ? ana.Press(answer) : ana.Send(answer));
        }

        return counters;
    }

    private static void AssertStaysTrue(IReadOnlyList<StepCounter> counters)
    {
        Assert.Equal(Enumerable.Range(1, counters.Count), counters.Select(c => c.Position));
        for (var i = 0; i < counters.Count; i++)
        {
            var counter = counters[i];

            // An exact total is the number of questions asked; an "up to" is never fewer than were asked.
            Assert.True(counter.UpTo ? counter.Total >= counters.Count : counter.Total == counters.Count,
                $"Question {counter.Position} said {counter}, and {counters.Count} were asked.");
            if (i > 0)
            {
                Assert.True(counter.Total <= counters[i - 1].Total, $"{counters[i - 1]} was followed by {counter}.");
            }
        }
    }

    private sealed partial record StepCounter(int Position, int Total, bool UpTo)
    {
        public static StepCounter Read(string text)
        {
            var match = Pattern().Match(text);
            Assert.True(match.Success, $"No step counter in:\n{text}");
            return new StepCounter(
                int.Parse(match.Groups["position"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture),
                match.Groups["upto"].Success);
        }

        public override string ToString() => UpTo ? $"({Position} of up to {Total})" : $"({Position}/{Total})";

        [GeneratedRegex(@"\((?<position>\d+)(?:/|(?<upto> of up to ))(?<total>\d+)\)")]
        private static partial Regex Pattern();
    }
}
