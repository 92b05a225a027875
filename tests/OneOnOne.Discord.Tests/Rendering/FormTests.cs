using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Parsing;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Rendering;

public sealed class FormTests
{
    private readonly FlowCatalog _flows = Flows.Catalog();

    [Theory]
    [InlineData("prep", 2)]
    [InlineData("reflect", 2)]
    public void Each_form_flow_fits_Discords_modal_limits_on_every_page(string flowName, int pages)
    {
        var flow = _flows.Find(flowName)!;
        Assert.Equal(pages, FormPages.Count(flow));

        for (var page = 0; page < pages; page++)
        {
            var modal = ModalBuilder.Build(flow, 123456, page, "Maria Alejandra Lopez-Gutierrez", new Dictionary<string, string?>());
            Assert.InRange(modal.Title!.Length, 1, 45);
            Assert.InRange(modal.CustomId!.Length, 1, 100);
            Assert.InRange(modal.Components!.Count, 1, 5);
            foreach (var label in modal.Components)
            {
                Assert.Equal(ComponentType.Label, label.Type);
                Assert.InRange(label.Label!.Length, 1, 45);
                Assert.True(label.Description is null || label.Description.Length <= 100);
                var input = label.Child!;
                Assert.True(input.Placeholder is null || input.Placeholder.Length <= 100);
                Assert.True(input.MaxLength is null || input.MaxLength <= 4000);
                Assert.DoesNotContain("{person}", label.Label + label.Description, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Choices_become_a_select_and_saved_answers_are_filled_back_in()
    {
        var flow = _flows.Find("reflect")!;
        var modal = ModalBuilder.Build(flow, 7, 1, "Maria", new Dictionary<string, string?> { ["meet-again"] = "maybe", ["did-well"] = "I listened" });

        var select = modal.Components!.Select(c => c.Child!).Single(c => c.CustomId == "meet-again");
        Assert.Equal(ComponentType.StringSelect, select.Type);
        Assert.Equal(["yes", "maybe", "no"], select.Options!.Select(o => o.Value));
        Assert.True(select.Options!.Single(o => o.Value == "maybe").Default);
        Assert.Equal("I listened", modal.Components!.Select(c => c.Child!).Single(c => c.CustomId == "did-well").Value);
    }

    [Fact]
    public void Submitted_answers_are_read_from_labels_and_from_old_style_action_rows()
    {
        var json = """
            [
              {"type":18,"component":{"type":4,"custom_id":"goal","value":"come on the 12th"}},
              {"type":1,"components":[{"type":4,"custom_id":"why","value":"rent"}]},
              {"type":18,"component":{"type":3,"custom_id":"meet-again","values":["yes"]}},
              {"type":18,"component":{"type":3,"custom_id":"empty","values":[]}},
              {"type":10,"content":"just text"}
            ]
            """;
        var components = JsonSerializer.Deserialize(json, DiscordJson.Default.Interaction.Options.GetTypeInfo(typeof(List<Component>))) as List<Component>;

        var answers = ModalAnswers.Read(components);

        Assert.Equal("come on the 12th", answers["goal"]);
        Assert.Equal("rent", answers["why"]);
        Assert.Equal("yes", answers["meet-again"]);
        Assert.Null(answers["empty"]);
        Assert.Equal(4, answers.Count);
    }

    [Fact]
    public void Pages_are_chained_and_only_the_last_one_sends_every_answer()
    {
        var sessions = new FormSessions(new FakeTimeProvider());
        var forms = Opener(new ConversationViews(Flows.Scopes()), sessions, new FakeTimeProvider());
        var origin = new InteractionOrigin("1", "token", "2", new DiscordSender("5", "Olivia", null));

        var first = forms.Submit(origin, new FormPageRef(9, "prep", 0), new Dictionary<string, string?> { ["goal"] = "a", ["ask"] = "not on this page" });
        var last = forms.Submit(origin, new FormPageRef(9, "prep", 1), new Dictionary<string, string?> { ["ask"] = "b" });

        var next = Assert.IsType<FormStep.NextPage>(first);
        Assert.Equal(new FormPageRef(9, "prep", 1), next.Page);
        var complete = Assert.IsType<FormStep.Complete>(last);
        Assert.Equal(9, complete.Input.FlowRunId);
        Assert.Equal("a", complete.Input.Answers["goal"]);
        Assert.Equal("b", complete.Input.Answers["ask"]);
        Assert.IsType<FormStep.Unavailable>(forms.Submit(origin, new FormPageRef(9, "prep", 7), new Dictionary<string, string?>()));
        Assert.IsType<FormStep.Unavailable>(forms.Submit(origin, new FormPageRef(9, "nope", 0), new Dictionary<string, string?>()));
    }

    [Fact]
    public async Task A_form_whose_lookup_is_slow_answers_in_time_and_asks_to_press_again()
    {
        using var database = new ManualResetEventSlim();
        var time = new FakeTimeProvider();
        var forms = Opener(new StalledViews(database), new FormSessions(time), time);
        var origin = new InteractionOrigin("1", "token", "2", new DiscordSender("5", "Olivia", null));

        // Run as the Gateway runs it; the fake clock moves on until the opener gives up on the database.
        var opening = Task.Run(() => forms.OpenAsync(origin, new FormPageRef(9, "prep", 0), CancellationToken.None));
        try
        {
            await Wait.UntilAsync(() =>
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                return opening.IsCompleted;
            }, "the form to stop waiting for the database");
        }
        finally
        {
            database.Set();
        }

        Assert.IsType<FormOpening.Slow>(await opening);
    }

    [Fact]
    public async Task A_form_opens_only_where_the_engine_will_take_its_answers_from_a_DM_in_the_server_last_used()
    {
        var time = new FakeTimeProvider();
        var forms = Opener(new OneRunViews(new Address(DiscordConversation.Platform, "G2", "5"), _flows.Find("prep")!), new FormSessions(time), time);
        var page = new FormPageRef(9, "prep", 0);

        // Once open, a form's session is kept for its person: so the refusals are tried first.
        var inOtherServer = await forms.OpenAsync(new InteractionOrigin("1", "token", "2", new DiscordSender("5", "Olivia", "G1")), page, CancellationToken.None);
        var asSomeoneElse = await forms.OpenAsync(new InteractionOrigin("1", "token", "2", new DiscordSender("6", "Sam", "G2")), page, CancellationToken.None);
        var inDm = await forms.OpenAsync(new InteractionOrigin("1", "token", "2", new DiscordSender("5", "Olivia", null)), page, CancellationToken.None);

        Assert.IsType<FormOpening.Unavailable>(inOtherServer);
        Assert.IsType<FormOpening.Unavailable>(asSomeoneElse);
        Assert.IsType<FormOpening.Ready>(inDm);
    }

    [Theory]
    [InlineData("f:12:prep:0", true)]
    [InlineData("f:12:reflect:1", true)]
    [InlineData("f:12:prep", false)]
    [InlineData("f:-1:prep:0", false)]
    [InlineData("m:12:prep:0", false)]
    [InlineData("f:12:PREP:0", false)]
    public void Form_buttons_are_recognised_strictly(string customId, bool valid)
    {
        Assert.Equal(valid, FormIds.TryParseOpen(customId, out _));
    }

    private FormOpener Opener(IConversationViews views, FormSessions sessions, TimeProvider time) =>
        new(new DiscordConversation(Flows.Scopes(), views), views, _flows, sessions, time);

    /// <summary>An engine with one run waiting for answers, <paramref name="owner"/>'s, last seen in the owner's server.</summary>
    private sealed class OneRunViews(Address owner, FlowDefinition flow) : IConversationViews
    {
        public IReadOnlyList<FlowDefinition> Flows => [flow];

        public Task<FormView?> DescribeFormAsync(Address asker, int flowRunId, CancellationToken cancellationToken) =>
            Task.FromResult(asker == owner ? new FormView(flow, "Maria") : null);

        public Task<string?> FindHomeWorkspaceAsync(string platform, string user, CancellationToken cancellationToken) =>
            Task.FromResult(user == owner.User ? owner.Workspace : null);

        public Task<HomeView> DescribeHomeAsync(Address organizer, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>An engine whose lookups block their caller, as SQLite's synchronous I/O does under a lock, until released.</summary>
    private sealed class StalledViews(ManualResetEventSlim release) : IConversationViews
    {
        public IReadOnlyList<FlowDefinition> Flows => [];

        public Task<FormView?> DescribeFormAsync(Address asker, int flowRunId, CancellationToken cancellationToken) => Stall<FormView?>();

        public Task<string?> FindHomeWorkspaceAsync(string platform, string user, CancellationToken cancellationToken) => Stall<string?>();

        public Task<HomeView> DescribeHomeAsync(Address organizer, CancellationToken cancellationToken) => Stall<HomeView>();

        private Task<T> Stall<T>()
        {
            release.Wait();
            throw new InvalidOperationException("The stalled engine never answers.");
        }
    }
}
