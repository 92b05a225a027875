using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Testing;

namespace OneOnOne.Adapters.Tests.Flows;

/// <summary>The one flow catalog every adapter draws forms from; which flows are forms is the flows' own say.</summary>
public sealed class FlowCatalogTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private FlowCatalog _catalog = null!;

    public Task InitializeAsync()
    {
        _catalog = new FlowCatalog(_bot.Get<IConversationViews>().Flows);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void The_long_reflective_flows_are_offered_as_forms_and_the_quick_ones_are_not()
    {
        Assert.True(_catalog.IsOfferedAsForm(PrepFlow.Name));
        Assert.True(_catalog.IsOfferedAsForm(ReflectionFlow.Name));
        Assert.False(_catalog.IsOfferedAsForm(OutcomeFlow.Name));
        Assert.False(_catalog.IsOfferedAsForm(MoveFlow.Name));
        Assert.False(_catalog.IsOfferedAsForm(ScheduleFlow.Name));
        Assert.False(_catalog.IsOfferedAsForm("no-such-flow"));
    }

    [Fact]
    public void Every_flow_the_engine_runs_is_in_the_catalog()
    {
        foreach (var name in new[] { PrepFlow.Name, ReflectionFlow.Name, OutcomeFlow.Name, MoveFlow.Name, ScheduleFlow.Name })
        {
            Assert.Equal(name, _catalog.Find(name)?.Name);
        }

        Assert.Null(_catalog.Find("no-such-flow"));
    }

    [Fact]
    public void The_form_is_offered_at_the_first_question_only()
    {
        var prep = _catalog.Find(PrepFlow.Name)!;

        Assert.True(_catalog.OffersFormAt(PrepFlow.Name, prep.Questions[0].Id));
        Assert.False(_catalog.OffersFormAt(PrepFlow.Name, prep.Questions[1].Id));
        Assert.False(_catalog.OffersFormAt(OutcomeFlow.Name, _catalog.Find(OutcomeFlow.Name)!.Questions[0].Id));
    }

    [Fact]
    public void A_flow_that_declares_itself_a_form_is_offered_as_one_with_no_list_to_update()
    {
        var survey = new FlowDefinition("survey", 1, "A survey", [new Question("first", "First?", QuestionKind.Text)]) { OfferAsForm = true };

        var catalog = new FlowCatalog([survey]);

        Assert.True(catalog.IsOfferedAsForm("survey"));
        Assert.True(catalog.OffersFormAt("survey", "first"));
    }
}
