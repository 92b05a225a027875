using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Acknowledgement;
using OneOnOne.Slack.Delivery;
using OneOnOne.Slack.Forms;
using OneOnOne.Slack.Parsing;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// Does the work for one acknowledged delivery: asks the engine (in a fresh DI scope, with the
/// person's name and time zone from users.info) and delivers what it says.
/// </summary>
public sealed partial class SlackConversation(
    IServiceScopeFactory scopes,
    IConversationViews views,
    SlackUserDirectory users,
    SlackReplier replier,
    SlackForms forms,
    FlowCatalog flows,
    SlackHomeBuilder home,
    SlackMessageRenderer renderer,
    Api.SlackApiClient api,
    ILogger<SlackConversation> logger)
{
    public const string PlatformKey = "slack";

    /// <summary>Typed after a command (<c>/one-on-one plan Maria --form</c>) to get the questions as a modal at once.</summary>
    public const string FormFlag = "--form";

    private const string FormClosed =
        "Those questions are already closed, so there's no form to open. Type `status` to see where you are.";

    public async Task HandleAsync(SlackRequest request, CancellationToken ct)
    {
        switch (request)
        {
            case DirectMessageRequest message:
                await AnswerAsync(message, new ReplyInput(await ReadTextAsync(message.Text, ct)), ct);
                break;

            case ButtonPressRequest { ActionId: SlackMessageRenderer.FormActionId } press:
                await OpenFormAsync(press, ct);
                break;

            case ButtonPressRequest press:
                await AnswerAsync(press, new ButtonInput(press.Value), ct);
                break;

            case HomeOpenedRequest opened:
                await PublishHomeAsync(opened.Actor, ct);
                break;
        }
    }

    /// <summary>Who <paramref name="actor"/> is to the engine: a person in one Slack workspace.</summary>
    public static Address AddressOf(SlackActor actor) => new(PlatformKey, actor.TeamId, actor.UserId);

    /// <summary>Asks the engine about one input from <paramref name="actor"/>. The engine de-duplicates on <paramref name="deliveryId"/>.</summary>
    public async Task<IReadOnlyList<Outbound>> AskEngineAsync(SlackActor actor, Input input, string? deliveryId, CancellationToken ct)
    {
        var profile = await users.FindAsync(actor.UserId, ct);
        var inbound = new Inbound(
            AddressOf(actor),
            profile?.BestName ?? actor.UserName ?? actor.UserId,
            input,
            deliveryId,
            profile?.TimeZone);

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationEngine>().HandleAsync(inbound, ct);
    }

    /// <summary>
    /// The in-place answer to a command that needs nothing stored (help, an unknown word), straight from the
    /// engine; null when the command needs the person's lane. Text with mentions or links is left to the lane,
    /// which reads them into names first.
    /// </summary>
    public Api.ResponseUrlMessage? TryAnswerAtOnce(SlashCommandRequest command)
    {
        var text = command.Text.TrimEnd();
        if (text.Contains('<', StringComparison.Ordinal) || text.EndsWith(FormFlag, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var scope = scopes.CreateScope();
        var inbound = new Inbound(new Address(PlatformKey, command.Actor.TeamId, command.Actor.UserId), command.Actor.UserName ?? command.Actor.UserId, new CommandInput(text));
        return scope.ServiceProvider.GetRequiredService<IConversationEngine>().TryAnswerAtOnce(inbound) is { } outbounds
            ? replier.AsInPlaceMessage(outbounds)
            : null;
    }

    /// <summary>Runs a slash command; a single in-place answer goes to <paramref name="inline"/> if the acknowledgement is still waiting.</summary>
    public async Task HandleCommandAsync(SlashCommandRequest command, InlineAnswer inline, CancellationToken ct)
    {
        try
        {
            await RunCommandAsync(command, inline, ct);
        }
        finally
        {
            inline.Decline();
        }
    }

    private async Task RunCommandAsync(SlashCommandRequest command, InlineAnswer inline, CancellationToken ct)
    {
        var text = command.Text.TrimEnd();
        var wantsForm = text.EndsWith(FormFlag, StringComparison.OrdinalIgnoreCase);
        if (wantsForm)
        {
            text = text[..^FormFlag.Length];
        }

        var outbounds = await AskEngineAsync(command.Actor, new CommandInput(await ReadTextAsync(text, ct)), command.DeliveryId, ct);
        if (wantsForm && command.TriggerId is { } trigger
            && outbounds.SelectMany(o => o.Blocks).OfType<QuestionBlock>().FirstOrDefault() is { } question
            && flows.IsOfferedAsForm(question.Flow))
        {
            // The trigger lives 3 seconds: open the form before posting anything else.
            await forms.OpenAsync(command.Actor, question.FlowRunId, trigger, ct);
        }

        if (replier.AsInPlaceMessage(outbounds) is { } message && await inline.TryHandOverAsync(message, ct))
        {
            return;
        }

        await replier.DeliverAsync(outbounds, SlackOrigin.For(command), ct);
    }

    private async Task AnswerAsync(SlackRequest request, Input input, CancellationToken ct)
    {
        var origin = SlackOrigin.For(request);
        var outbounds = await AskEngineAsync(origin.Actor, input, request.DeliveryId, ct);
        await replier.DeliverAsync(outbounds, origin, ct);
    }

    private async Task OpenFormAsync(ButtonPressRequest press, CancellationToken ct)
    {
        var opened = int.TryParse(press.Value, out var runId) && press.TriggerId is { } trigger
                     && await forms.OpenAsync(press.Actor, runId, trigger, ct);
        if (!opened)
        {
            await replier.ReplyAsync(SlackOrigin.For(press), renderer.Render([new TextBlock(FormClosed)]), ct);
        }
    }

    /// <summary>App Home: the engine's home page for this person, drawn for the Home tab. Opening it is not talking to the bot: it changes nothing.</summary>
    private async Task PublishHomeAsync(SlackActor actor, CancellationToken ct)
    {
        var view = home.Build(await views.DescribeHomeAsync(AddressOf(actor), ct));
        try
        {
            await api.PublishHomeAsync(actor.UserId, view, ct);
        }
        catch (Api.SlackApiException exception)
        {
            LogHomeFailed(exception.Error);
        }
    }

    private Task<string> ReadTextAsync(string text, CancellationToken ct) =>
        SlackTextReader.ReadAsync(text, id => users.NameAsync(id, ct));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the App Home ({Error})")]
    private partial void LogHomeFailed(string error);
}
