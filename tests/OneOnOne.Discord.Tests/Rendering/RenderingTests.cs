using Microsoft.Extensions.Time.Testing;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Tests.Rendering;

public sealed class RenderingTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ComponentPayloadStore _payloads;
    private readonly DiscordRenderer _renderer;

    public RenderingTests()
    {
        _payloads = new ComponentPayloadStore(_time);
        _renderer = new DiscordRenderer(_payloads, Flows.Catalog());
    }

    [Fact]
    public void Long_text_is_split_under_2000_characters_at_line_breaks_and_nothing_is_lost()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"• line {i}: " + new string('x', 40)).ToList();

        var messages = _renderer.Render([new TextBlock(string.Join('\n', lines))]);

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m => Assert.InRange(m.Payload.Content!.Length, 1, 2000));
        Assert.Equal(lines, messages.SelectMany(m => m.Payload.Content!.Split('\n')));
        Assert.All(messages, m => Assert.Empty(m.Payload.AllowedMentions!.Parse));
    }

    [Fact]
    public void Text_too_long_for_one_message_but_short_enough_for_an_embed_is_one_message_with_the_text_in_an_embed()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"• line {i}: " + new string('x', 40)).ToList();

        var message = Assert.Single(_renderer.Render([new HeaderBlock("What I can do"), new TextBlock(string.Join('\n', lines))]));

        Assert.Null(message.Payload.Content);
        var text = Assert.Single(message.Payload.Embeds!).Description!;
        Assert.InRange(text.Length, 2001, DiscordRenderer.MaxEmbedDescription);
        Assert.Equal(["**What I can do**", .. lines], text.Split('\n'));
    }

    [Fact]
    public void Buttons_fill_rows_of_five_and_messages_of_five_rows()
    {
        var buttons = Enumerable.Range(1, 32).Select(i => Payloads.Command($"Person {i}", $"plan #{i}")).ToList();

        var messages = _renderer.Render([new TextBlock("Which one?"), new ButtonsBlock(buttons)]);

        Assert.Equal(2, messages.Count);
        Assert.Equal("Which one?", messages[0].Payload.Content);
        Assert.Equal(5, messages[0].Payload.Components!.Count);
        Assert.All(messages.SelectMany(m => m.Payload.Components!), row => Assert.InRange(row.Components!.Count, 1, 5));
        Assert.Equal(32, messages.SelectMany(m => m.Payload.Components!).Sum(row => row.Components!.Count));
    }

    [Fact]
    public void Text_after_buttons_starts_a_new_message_so_each_question_sits_above_its_own_buttons()
    {
        var messages = _renderer.Render([
            new TextBlock("(1/3) How did it go?"), new ButtonsBlock([Payloads.Answer("Yes", 4, "answer", "yes")]),
            new TextBlock("And then?"),
        ]);

        Assert.Equal(2, messages.Count);
        Assert.NotNull(messages[0].Payload.Components);
        Assert.Null(messages[1].Payload.Components);
    }

    [Fact]
    public void Id_only_payloads_are_their_own_custom_ids_and_text_payloads_are_kept_server_side()
    {
        var answer = Payloads.Answer("Core leader", 12, "level", "core");
        var followUp = Payloads.Command("Snooze 1 day", "followup 7 snooze-day");
        var withText = Payloads.Command("Maria", "schedule #3 tomorrow 6pm at Cafe Luna");
        var tooLong = Payloads.Command("Long", "followup " + string.Concat(Enumerable.Repeat("1 ", 60)));

        Assert.Equal(answer.Payload, _payloads.ToCustomId(answer.Payload));
        Assert.Equal(followUp.Payload, _payloads.ToCustomId(followUp.Payload));
        var stored = _payloads.ToCustomId(withText.Payload);
        Assert.StartsWith("k:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Luna", stored, StringComparison.Ordinal);
        Assert.True(_payloads.ToCustomId(tooLong.Payload).Length <= 100);

        Assert.True(_payloads.TryResolve(stored, out var payload));
        Assert.Equal(withText.Payload, payload);
        Assert.True(_payloads.TryResolve(followUp.Payload, out payload));
        Assert.Equal(followUp.Payload, payload);
    }

    [Theory]
    [InlineData("forget #3 keep")]
    [InlineData("goal 8 restart")]
    [InlineData("timezone keep-moments")]
    public void The_engine_s_newer_command_buttons_last_beyond_a_restart(string command)
    {
        // Only payloads kept server-side expire and die with the process; these carry nothing anyone wrote.
        Assert.Equal(command, _payloads.ToCustomId(Payloads.Command("Button", command).Payload)[2..]);
    }

    [Fact]
    public void Stored_payloads_expire_after_a_day_and_unknown_ids_resolve_to_nothing()
    {
        var stored = _payloads.ToCustomId("c:note #3: she loves gardening");
        _time.Advance(ComponentPayloadStore.Lifetime + TimeSpan.FromMinutes(1));

        Assert.False(_payloads.TryResolve(stored, out _));
        Assert.False(_payloads.TryResolve("k:ffffffffffffffff", out _));
        Assert.False(_payloads.TryResolve("c:forget Maria Lopez confirm", out _));
        Assert.False(_payloads.TryResolve("whatever", out _));
    }

    [Fact]
    public void Every_button_has_a_valid_custom_id_and_label_and_duplicates_are_dropped()
    {
        var label = new string('L', 120);
        var messages = _renderer.Render([new ButtonsBlock([
            new Button(label, "c:status"), new Button("Again", "c:status"), new Button("Free text", "c:" + new string('y', 300)),
        ])]);

        var buttons = messages.SelectMany(m => m.Payload.Components!).SelectMany(r => r.Components!).ToList();
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.InRange(b.CustomId!.Length, 1, 100));
        Assert.All(buttons, b => Assert.InRange(b.Label!.Length, 1, 80));
    }

    [Fact]
    public void The_first_question_of_prep_offers_a_form_and_other_questions_do_not()
    {
        var first = _renderer.Render([new TextBlock("(1/9) What do you hope…"), new QuestionBlock(4, "prep", "goal")]);
        var later = _renderer.Render([new TextBlock("(2/9) Why?"), new QuestionBlock(4, "prep", "why")]);
        var outcome = _renderer.Render([new TextBlock("How did it go?"), new QuestionBlock(5, "outcome", "answer")]);

        var form = Assert.Single(first.SelectMany(m => m.Payload.Components ?? []).SelectMany(r => r.Components!));
        Assert.Equal("Answer in a form", form.Label);
        Assert.Equal("f:4:prep:0", form.CustomId);
        Assert.Null(later.Single().Payload.Components);
        Assert.Null(outcome.Single().Payload.Components);
    }

    [Fact]
    public void Form_errors_offer_to_reopen_the_page_with_the_first_problem()
    {
        var messages = _renderer.Render(
            [new TextBlock("A few answers need another look"), new FormErrorsBlock(new Dictionary<string, string> { ["ask"] = "Too long" })],
            new FormPageRef(9, "prep", 1));

        var fix = messages.SelectMany(m => m.Payload.Components!).SelectMany(r => r.Components!).Single();
        Assert.Equal("Fix my answers", fix.Label);
        Assert.Equal("f:9:prep:1", fix.CustomId);
    }

    [Fact]
    public void Fields_become_an_embed_and_files_become_attachments()
    {
        var messages = _renderer.Render([
            new HeaderBlock("Maria Lopez"),
            new FieldsBlock([new Field("Level", "Contributor"), new Field("1:1s", "2 held")]),
            new FileBlock("chart.png", "image/png", [1, 2, 3], "Team progress chart"),
        ]);

        var message = Assert.Single(messages);
        Assert.Equal("**Maria Lopez**", message.Payload.Content);
        Assert.Equal(["Level", "1:1s"], message.Payload.Embeds!.Single().Fields!.Select(f => f.Name));
        var file = Assert.Single(message.Files);
        Assert.Equal("Team progress chart", file.Description);
    }

    [Fact]
    public void Text_is_split_at_the_best_break_and_never_inside_an_emoji()
    {
        var text = new string('a', 1999) + "😀" + "tail";

        var pieces = TextSplitter.Split(text);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.True(p.Length <= 2000));
        Assert.False(char.IsHighSurrogate(pieces[0][^1]));
    }

    [Fact]
    public void A_channel_the_engine_names_by_id_is_shown_as_a_Discord_channel_mention()
    {
        var messages = _renderer.Render([new TextBlock("The weekly digest will go to #800000000000000010, Mondays. Ask #12 about it.")]);

        Assert.Equal("The weekly digest will go to <#800000000000000010>, Mondays. Ask #12 about it.", messages.Single().Payload.Content);
    }
}
