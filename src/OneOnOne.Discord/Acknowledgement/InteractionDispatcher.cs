using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Parsing;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Acknowledgement;

/// <summary>
/// The one place that decides how the bot first answers an interaction, for both transports, well
/// inside Discord's 3 seconds:
/// <list type="bullet">
/// <item>a command that needs nothing stored (help, an unknown word) is answered at once;</item>
/// <item>anything else for the engine (a command, a button, a finished form) is kept in the durable
/// inbox before it is acknowledged. A command's or a button's answer that is ready within <see cref="DiscordOptions.InlineAnswerWindow"/> and fits one
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
    RecentDeliveries<InteractionResponse> recent,
    DurableInbox inbox,
    DiscordConversation conversation,
    InteractionReplier replier,
    ComponentPayloadStore payloads,
    FormOpener forms,
    IOptions<DiscordOptions> options,
    InlineAnswerClock inlineClock,
    BotMetrics metrics,
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
            // No one to answer in the conversation, but whoever pressed or typed something still sees words.
            LogUnreadable(interaction.Type);
            return new InteractionDecision(InteractionResponses.Unreadable);
        }

        if (!recent.TryClaim(interaction.Id, out var first))
        {
            LogDuplicate(interaction.Type);
            return new InteractionDecision(first, Duplicate: true);
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
                _ => Unsupported(interaction.Type),
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

    private async Task<InteractionResponse> CommandAsync(InteractionOrigin origin, InteractionData? data, Task acknowledged)
    {
        if (CommandCatalog.ToEngineText(data) is not { } text)
        {
            return Message(origin, Phrases.UnknownCommand);
        }

        metrics.CommandHandled(DiscordConversation.Platform, text);
        var input = new CommandInput(text);

        // Help and the like: answered in the first response, so there is nothing to keep.
        return conversation.TryAnswerAtOnce(origin.Sender, input) is { } outbounds && replier.AsFirstAnswer(origin, outbounds) is { } quick
            ? quick
            : await AnswerAsync(origin, input, acknowledged);
    }

    private async Task<InteractionResponse> ComponentAsync(InteractionOrigin origin, InteractionData? data, Task acknowledged, CancellationToken ct)
    {
        if (data?.ComponentType is { } type && type != ComponentType.Button)
        {
            // Every component the bot posts on a message is a button; a select or anything newer isn't ours to act on.
            return Unsupported(InteractionType.MessageComponent, type);
        }

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
    /// Keeps the engine's work in the inbox (see <see cref="DiscordInbox"/>). Its answer is the first answer if
    /// it comes in time and fits; otherwise the first answer is "thinking…", which the reply replaces.
    /// </summary>
    private async Task<InteractionResponse> AnswerAsync(InteractionOrigin origin, Input input, Task acknowledged, FormPageRef? form = null)
    {
        var slot = new AnswerSlot<InteractionResponse>();
        if (form is not null)
        {
            slot.Decline();
        }

        InboxAcceptance accepted;
        try
        {
            accepted = await inbox.AcceptAsync(DiscordInbox.ItemFor(origin, input, form), new LiveInteraction(slot, acknowledged));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotStored(exception);
            accepted = InboxAcceptance.Busy;
        }

        switch (accepted)
        {
            case InboxAcceptance.Busy:
                LogBusy();
                return InteractionResponses.BusyFor(origin.Flags);
            case InboxAcceptance.Duplicate:
                // Kept before a restart and handled from there: its reply replaces this "thinking…" if it is still the first.
                return InteractionResponses.Defer(origin.Flags);
            default:
                return await slot.WaitAsync(options.Value.InlineAnswerWindow, inlineClock) ?? InteractionResponses.Defer(origin.Flags);
        }
    }

    private InteractionResponse Unsupported(InteractionType type, int? componentType = null)
    {
        LogUnsupported(type, componentType);
        return InteractionResponses.Unreadable;
    }

    private static InteractionResponse Message(InteractionOrigin origin, string text, List<Component>? components = null) =>
        InteractionResponses.Message(text, origin.Flags, components);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a duplicate {Type} interaction as before, without handling it again")]
    private partial void LogDuplicate(InteractionType type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered a {Type} interaction that names no user, token or id with an apology")]
    private partial void LogUnreadable(InteractionType type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered a {Type} interaction (component type {ComponentType}) the bot doesn't handle with an apology")]
    private partial void LogUnsupported(InteractionType type, int? componentType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbox is full; told someone the bot is busy")]
    private partial void LogBusy();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not keep an interaction; told the person the bot is busy")]
    private partial void LogNotStored(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to acknowledge a {Type} interaction")]
    private partial void LogFailed(Exception exception, InteractionType type);
}
