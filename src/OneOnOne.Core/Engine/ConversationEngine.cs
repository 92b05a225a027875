using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Commands;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Engine;

/// <summary>
/// The platform-neutral heart of the bot: de-duplicates, finds the organizer, and routes each input to
/// a command or to the flow waiting for an answer. Whatever goes wrong, the organizer gets words, not a stack trace.
/// </summary>
public sealed partial class ConversationEngine(
    IOneOnOneStore store,
    OrganizerDirectory organizers,
    FlowRunner runner,
    FlowResumption resumption,
    CommandIndex commands,
    YesNoQuestions questions,
    IServiceProvider services,
    IOptions<EngineOptions> options,
    ILogger<ConversationEngine> logger) : IConversationEngine
{
    private const string CommandName = "/one-on-one";

    public async Task<IReadOnlyList<Outbound>> HandleAsync(Inbound inbound, CancellationToken cancellationToken = default)
    {
        inbound = Cleaned(inbound);
        if (AnswerAtOnce(inbound) is { } answer)
        {
            // Help, an unknown word, a blank command: nothing stored is read or changed, so the database
            // isn't touched. A redelivery after a restart would get the same answer again, which is harmless.
            return answer;
        }

        var claim = inbound.EventId is { } eventId ? $"{inbound.From.Platform}:{eventId}" : null;
        string? claimed = null;
        try
        {
            if (await organizers.ResolveAsync(inbound, claim, cancellationToken) is not { } context)
            {
                LogDuplicate(inbound.From.Platform);
                return [];
            }

            claimed = claim;
            var reply = await resumption.FindInterruptedAsync(context, cancellationToken) is { } interrupted
                ? await ResumeInterruptedAsync(context, interrupted, inbound.Input, cancellationToken)
                : await DispatchAsync(context, inbound.Input, cancellationToken);
            questions.Asked(context.Organizer.Id, reply.YesNo, context.Now);
            resumption.Heard(context.Address);
            return reply.ToOutbounds();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Reply.WithText("That crossed with another answer of yours. Type `continue` to see where we are.").ToOutbounds();
        }
        catch (Exception exception)
        {
            LogFailure(exception, inbound.Input.GetType().Name);
            await ReleaseEventAsync(claimed);
            return Reply.WithText("Sorry, something went wrong on my side and I couldn't finish that. " +
                                  "What you'd already saved is safe; please try again in a moment.").ToOutbounds();
        }
    }

    public IReadOnlyList<Outbound>? TryAnswerAtOnce(Inbound inbound) => AnswerAtOnce(Cleaned(inbound));

    public async Task<IReadOnlyList<Outbound>> ResumeAsync(Address organizer, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await resumption.WelcomeBackAsync(organizer, cancellationToken))?.ToOutbounds() ?? [];
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing is lost: not marked as heard from, the organizer's first line shows the waiting question instead.
            LogFailure(exception, "resume");
            return [];
        }
    }

    /// <summary>
    /// The first input this process has from an organizer whose flow is in progress. A typed line is not
    /// taken as the answer to a question they may not see; a command (typed, or a button's) still runs, and
    /// then the question is shown. Answer buttons and forms name their run and question, so they stay valid.
    /// </summary>
    private async Task<Reply> ResumeInterruptedAsync(ConversationContext context, FlowRun interrupted, Input input, CancellationToken ct) =>
        input switch
        {
            ReplyInput reply when CommandWord(reply.Text) is null => await resumption.HoldBackAsync(interrupted, ct),
            ReplyInput reply => await resumption.ShowWaitingAfterAsync(context, await RunCommandAsync(context, reply.Text, ct), ct),
            // A form's answer goes back to the form; the organizer is looking at its questions anyway.
            FormInput => await DispatchAsync(context, input, ct),
            _ => await resumption.ShowWaitingAfterAsync(context, await DispatchAsync(context, input, ct), ct),
        };

    private async Task<Reply> DispatchAsync(ConversationContext context, Input input, CancellationToken ct)
    {
        switch (input)
        {
            case CommandInput command:
                return await RunCommandAsync(context, command.Text, ct);

            case ReplyInput reply when await runner.FindActiveAsync(context.Organizer.Id, ct) is { } run:
                return await AnswerTypedAsync(context, run, reply.Text, ct);

            case ReplyInput reply:
                return await RunTypedAsync(context, reply.Text, ct);

            case ButtonInput button when Payloads.TryParseAnswer(button.Payload, out var runId, out var questionId, out var value):
                return await runner.FindActiveAsync(context.Organizer.Id, ct) is { } active && active.Id == runId
                    ? await runner.AnswerAsync(context, active, questionId, value, ct)
                    : Reply.WithText("Those questions are already closed, so that button doesn't do anything any more. Type `status` to see where you are.");

            case ButtonInput button when Payloads.TryParseCommand(button.Payload, out var commandText):
                return await RunCommandAsync(context, commandText, ct);

            case FormInput form:
                return await SubmitFormAsync(context, form, ct);

            default:
                return Reply.WithText("I didn't understand that. Type `help` to see what I can do.");
        }
    }

    /// <summary>A line typed while a question waits: its answer, unless it leaves the flow or may be a command.</summary>
    private async Task<Reply> AnswerTypedAsync(ConversationContext context, FlowRun run, string text, CancellationToken ct)
    {
        if (IsCancel(text))
        {
            return await runner.CancelAsync(context, ct);
        }

        // No date starts with a command word, so "status" or "list add Maria" typed while a date waits is the command.
        if (runner.WaitsForDate(run) && commands.TryFind(CommandLine.Split(text).Name, out _))
        {
            return await resumption.ShowWaitingAfterAsync(context, await RunCommandAsync(context, text, ct), ct);
        }

        return CommandWord(text) is { } command && runner.ConfirmCommandWord(run, command, text.Trim()) is { } question
            ? question
            : await runner.AnswerAsync(context, run, null, text, ct);
    }

    private async Task<Reply> RunCommandAsync(ConversationContext context, string text, CancellationToken ct)
    {
        var call = Parse(text);
        return call.Answer ?? await call.Command!.ExecuteAsync(context, call.Arguments, ct);
    }

    /// <summary>
    /// With no flow question waiting, a message to the bot is read as a command, unless it's a yes or no:
    /// that answers the yes/no question the organizer was just asked, exactly as its button would.
    /// </summary>
    private async Task<Reply> RunTypedAsync(ConversationContext context, string text, CancellationToken ct)
    {
        if (!YesNoQuestions.TryRead(text, out var yes))
        {
            return await RunCommandAsync(context, text, ct);
        }

        if (questions.Take(context.Organizer.Id, context.Now) is { } asked)
        {
            return await DispatchAsync(context, new ButtonInput((yes ? asked.Yes : asked.No).Payload), ct);
        }

        return Reply.WithText(yes
            ? "I'm not sure what that yes is for: nothing is waiting for a yes from you right now (a yes answers only " +
              "the question in my latest message), so I haven't done anything. Run the command again, e.g. `forget <name>`, and answer its question."
            : "Okay. Nothing was waiting for an answer, so nothing changed.");
    }

    private IReadOnlyList<Outbound>? AnswerAtOnce(Inbound cleaned) =>
        cleaned.Input is CommandInput { Text: var text } && Parse(text) is { Answer: { } answer } ? answer.ToOutbounds() : null;

    /// <summary>Finds the command <paramref name="text"/> names, or the answer when none needs running.</summary>
    private CommandCall Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith(CommandName, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[CommandName.Length..].Trim();
        }

        if (trimmed.Length > options.Value.MaxCommandLength)
        {
            return CommandCall.Answered($"That's {trimmed.Length:N0} characters, more than I can take in one go " +
                                        $"(up to {options.Value.MaxCommandLength:N0}). Could you send it in a shorter form?");
        }

        if (trimmed.Length == 0)
        {
            return CommandCall.Answered("Hi! I help you prepare, hold and follow up your 1:1s. Type `help` to see everything, " +
                                        "or start with `list add <name>`.");
        }

        var (name, arguments) = CommandLine.Split(trimmed);
        if (commands.TryFind(name, out var type) && services.GetRequiredService(type) is ICommand command)
        {
            return command is IStatelessCommand stateless
                ? new CommandCall(null, arguments, stateless.Answer(arguments))
                : new CommandCall(command, arguments, null);
        }

        var suggestion = Suggest(name);
        return CommandCall.Answered($"I don't know the command “{Truncate(name)}”." +
                                    (suggestion is null ? string.Empty : $" Did you mean `{suggestion}`?") +
                                    " Type `help` to see what I can do.");
    }

    private async Task<Reply> SubmitFormAsync(ConversationContext context, FormInput form, CancellationToken ct)
    {
        if (await runner.FindActiveAsync(context.Organizer.Id, ct) is not { } run || run.Id != form.FlowRunId)
        {
            return Reply.WithText("That form was already closed, so I couldn't save it. Type `status` to see where you are.");
        }

        var (errors, reply) = await runner.SubmitAsync(context, run, form.Answers, ct);
        return reply ?? Reply.WithText("A few answers need another look:\n" +
                                       string.Join('\n', errors.Select(e => $"• {e.Key}: {e.Value}")))
            .Add(new FormErrorsBlock(errors));
    }

    /// <summary>
    /// Every input as <see cref="TextHygiene"/> keeps it, once, here at the door: no command, flow or stored
    /// record ever sees an invisible or control character, and whatever is echoed is what the person could see.
    /// </summary>
    private static Inbound Cleaned(Inbound inbound) => inbound with
    {
        DisplayName = TextHygiene.Line(inbound.DisplayName),
        Input = inbound.Input switch
        {
            CommandInput command => new CommandInput(TextHygiene.Clean(command.Text)),
            ReplyInput reply => new ReplyInput(TextHygiene.Clean(reply.Text)),
            ButtonInput button => new ButtonInput(TextHygiene.Clean(button.Payload)),
            // Keys are question ids, matched exactly and never shown; the answers are what the person wrote.
            FormInput form => form with
            {
                Answers = form.Answers.ToDictionary(answer => answer.Key, answer => answer.Value is null ? null : TextHygiene.Clean(answer.Value)),
            },
            var other => other,
        },
    };

    /// <summary>
    /// Work that failed was not done, so the platform's retry of the same event must be let through.
    /// Best effort: if even this fails, the organizer has already been told to try again.
    /// </summary>
    private async Task ReleaseEventAsync(string? key)
    {
        if (key is null)
        {
            return;
        }

        try
        {
            await store.ProcessedEvents.Where(e => e.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
        {
            LogFailure(exception, "event release");
        }
    }

    /// <summary>The command a line names when the line is that one word and nothing else (“status”, “ Help ”); otherwise null.</summary>
    private string? CommandWord(string text) =>
        CommandLine.Split(text) is var (name, arguments) && arguments.Length == 0 && commands.TryFind(name, out _) ? name : null;

    private static bool IsCancel(string text) =>
        text.Trim() is var t && (t.Equals("cancel", StringComparison.OrdinalIgnoreCase) || t.Equals($"{CommandName} cancel", StringComparison.OrdinalIgnoreCase));

    private string? Suggest(string name) =>
        commands.Names
            .Select(candidate => (candidate, distance: Distance(candidate, name)))
            .Where(c => c.distance <= 2 || c.candidate.StartsWith(name, StringComparison.Ordinal) && name.Length >= 2)
            .OrderBy(c => c.distance)
            .Select(c => c.candidate)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>Either a command to run with its arguments, or the answer already known.</summary>
    private readonly record struct CommandCall(ICommand? Command, string Arguments, Reply? Answer)
    {
        public static CommandCall Answered(string text) => new(null, string.Empty, Reply.WithText(text));
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a duplicate delivery from {Platform}")]
    private partial void LogDuplicate(string platform);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to handle a {InputKind}")]
    private partial void LogFailure(Exception exception, string inputKind);
}
