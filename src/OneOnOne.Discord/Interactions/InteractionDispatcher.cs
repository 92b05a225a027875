using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Interactions;

/// <summary>
/// The one place that decides how the bot first answers an interaction, for both transports, well
/// inside Discord's 3 seconds:
/// <list type="bullet">
/// <item>anything for the engine (a command, a button, a finished form) is queued. A command's or a
/// button's answer that is ready within <see cref="DiscordOptions.InlineAnswerWindow"/> and fits one
/// message is the first answer itself; otherwise the first answer is "thinking…" (private in a
/// server), which the engine's answer then replaces;</item>
/// <item>opening a form page and saving a page that isn't the last are answered at once (a modal
/// can't be deferred). Opening a form reads the database once per form, and waits for it at most
/// <see cref="FormOpener.LookupTimeout"/> before asking to press again;</item>
/// <item>a duplicate gets the first answer again and is not handled twice; a full queue gets a
/// friendly "busy" instead of silence.</item>
/// </list>
/// </summary>
internal sealed partial class InteractionDispatcher(
    RecentEvents recent,
    DiscordWorkQueue queue,
    DiscordConversation conversation,
    InteractionReplier replier,
    ComponentPayloadStore payloads,
    FormOpener forms,
    IOptions<DiscordOptions> options,
    InlineAnswerClock inlineClock,
    ILogger<InteractionDispatcher> logger)
{
    /// <param name="interaction">As received and verified.</param>
    /// <param name="acknowledged">Completes when Discord has the answer returned here; replies that edit it wait for it.</param>
    public async ValueTask<InteractionDecision> AcknowledgeAsync(Interaction interaction, Task acknowledged, CancellationToken ct)
    {
        if (interaction.Type == InteractionType.Ping)
        {
            return new InteractionDecision(InteractionResponses.Pong);
        }

        if (InteractionOrigin.From(interaction) is not { } origin)
        {
            return InteractionDecision.Invalid;
        }

        if (!recent.TryClaim(interaction.Id, out var first))
        {
            LogDuplicate(interaction.Type);
            return new InteractionDecision(first as InteractionResponse, Duplicate: true);
        }

        InteractionResponse response;
        try
        {
            response = interaction.Type switch
            {
                InteractionType.ApplicationCommand => await CommandAsync(origin, interaction.Data, acknowledged),
                InteractionType.MessageComponent => await ComponentAsync(origin, interaction.Data, acknowledged, ct),
                InteractionType.ModalSubmit => await ModalSubmitAsync(origin, interaction.Data, acknowledged),
                InteractionType.Autocomplete => new InteractionResponse { Type = InteractionCallbackType.AutocompleteResult, Data = new() { Choices = [] } },
                _ => Message(origin, Phrases.UnknownCommand),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, interaction.Type);
            response = Message(origin, Phrases.SomethingWentWrong);
        }

        recent.Remember(interaction.Id, response);
        return new InteractionDecision(response);
    }

    private async Task<InteractionResponse> CommandAsync(InteractionOrigin origin, InteractionData? data, Task acknowledged) =>
        CommandCatalog.ToEngineText(data) is { } text
            ? await AnswerAsync(origin, new CommandInput(text), acknowledged)
            : Message(origin, Phrases.UnknownCommand);

    private async Task<InteractionResponse> ComponentAsync(InteractionOrigin origin, InteractionData? data, Task acknowledged, CancellationToken ct)
    {
        var customId = data?.CustomId ?? string.Empty;
        if (FormIds.TryParseOpen(customId, out var page))
        {
            return await forms.OpenAsync(origin, page, ct) switch
            {
                FormOpening.Ready ready => new InteractionResponse { Type = InteractionCallbackType.Modal, Data = ready.Modal },
                FormOpening.Slow => Message(origin, Phrases.FormSlow),
                _ => Message(origin, Phrases.FormClosed),
            };
        }

        return payloads.TryResolve(customId, out var payload)
            ? await AnswerAsync(origin, new ButtonInput(payload), acknowledged)
            : Message(origin, Phrases.LostButton);
    }

    private async Task<InteractionResponse> ModalSubmitAsync(InteractionOrigin origin, InteractionData? data, Task acknowledged)
    {
        if (!FormIds.TryParseModal(data?.CustomId ?? string.Empty, out var page))
        {
            return Message(origin, Phrases.FormClosed);
        }

        return forms.Submit(origin, page, ModalAnswers.Read(data!.Components)) switch
        {
            FormStep.NextPage next => Message(origin, Phrases.NextFormPage(next.Done, next.Total),
            [
                new Component
                {
                    Type = ComponentType.ActionRow,
                    Components = [new Component { Type = ComponentType.Button, Style = ButtonStyle.Primary, Label = "Continue", CustomId = FormIds.OpenButton(next.Page.RunId, next.Page.Flow, next.Page.Page) }],
                },
            ]),
            FormStep.Complete complete => await AnswerAsync(origin, complete.Input, acknowledged, page),
            _ => Message(origin, Phrases.FormClosed),
        };
    }

    /// <summary>
    /// Queues the engine's work. Its answer is the first answer if it comes in time and fits; otherwise
    /// the first answer is "thinking…", which the reply replaces. A finished form is always deferred:
    /// its reply closes the form and may reopen the page with errors.
    /// </summary>
    private async Task<InteractionResponse> AnswerAsync(InteractionOrigin origin, Input input, Task acknowledged, FormPageRef? form = null)
    {
        var slot = new AnswerSlot<InteractionResponse>();
        if (form is not null)
        {
            slot.Decline();
        }

        var queued = queue.TryEnqueue(origin.Sender.UserId, async ct =>
        {
            try
            {
                var outbounds = await conversation.HandleAsync(origin.Sender, input, origin.Id, ct);
                if (form is { } submitted && !outbounds.Any(o => o.Blocks.Any(b => b is FormErrorsBlock)))
                {
                    forms.Close(origin, submitted.RunId);
                }

                if (form is null && replier.AsFirstAnswer(origin, outbounds) is { } answer && slot.TryHandOver(answer))
                {
                    await replier.ConfirmFirstAnswerAsync(origin, outbounds, acknowledged, ct);
                    return;
                }

                // "Thinking…" must leave before the reply below can edit it.
                slot.Decline();
                await replier.DeliverAsync(origin, outbounds, acknowledged, form, ct);
            }
            finally
            {
                slot.Decline();
            }
        });
        if (!queued)
        {
            LogBusy();
            return InteractionResponses.BusyFor(origin.Flags);
        }

        return await slot.WaitAsync(options.Value.InlineAnswerWindow, inlineClock) ?? InteractionResponses.Defer(origin.Flags);
    }

    private static InteractionResponse Message(InteractionOrigin origin, string text, List<Component>? components = null) =>
        InteractionResponses.Message(text, origin.Flags, components);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a duplicate {Type} interaction as before, without handling it again")]
    private partial void LogDuplicate(InteractionType type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue is full; told someone the bot is busy")]
    private partial void LogBusy();

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to acknowledge a {Type} interaction")]
    private partial void LogFailed(Exception exception, InteractionType type);
}
