using System.Text;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// What an organizer records (prep, outcome, reflections, referrals) is kept, shown back where the bot says it is,
/// and never silently replaced.
/// </summary>
public sealed class KeptRecordsTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_person_card_shows_every_prep_answer_where_the_bot_says_it_is()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Fatima Zahra met at the iftar");
        await ana.Command("plan Fatima");
        await ana.Send("co-lead the Eastside food drive");
        await ana.Send("her kids' school pantry ran dry in October");
        await ana.Send("feeding the families on her block");
        await ana.Send("she runs the mosque kitchen; I hope to learn who she trusts");
        await ana.Send("my mother's cooperative store");
        await ana.Send("skip");
        await ana.Send("hear how the pantry is doing");
        await ana.Send("co-chair the food drive");
        (await ana.Send("sort donations one Saturday")).Expect("You'll find it in `person Fatima Zahra`");

        (await ana.Command("person Fatima")).Expect(
            "Your prep for the next 1:1",
            "Your goal: co-lead the Eastside food drive",
            "Why they'd want to: her kids' school pantry ran dry in October",
            "What may matter most to them: feeding the families on her block",
            "What you know, and hope to find out: she runs the mosque kitchen; I hope to learn who she trusts",
            "Your story: my mother's cooperative store",
            "Why you'd like to meet: hear how the pantry is doing",
            "Your ask: co-chair the food drive",
            "If it's a no or a maybe: sort donations one Saturday");
    }

    [Fact]
    public async Task A_second_reflection_adds_to_the_first_and_every_answer_stays_visible()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez met at the kickoff");
        await ana.Command("met Maria");
        await ana.Press("Maybe");
        (await ana.Send("she needs childcare on meeting nights first")).Expect("next conversation");
        await ana.Send("skip");
        (await ana.Send("skip")).Expect("Reflecting on your 1:1 with Maria Lopez");
        await ana.Send("we both grew up on Delancey Street");
        await ana.Send("keeping her kids in their school");
        await ana.Send("skip");
        await ana.Send("bookkeeping at her church");
        await ana.Send("single mum, two jobs, fierce");
        await ana.Send("skip");
        await ana.Send("listened more than I talked");
        await ana.Send("ask about her church sooner");
        await ana.Send("her brother in the union");
        (await ana.Press("Yes")).Expect("Reflection saved");

        _bot.Time.Advance(TimeSpan.FromDays(2));
        (await ana.Command("reflect Maria")).Expect("another reflection", "Reflecting on your 1:1 with Maria Lopez");
        await ana.Send("skip");
        await ana.Send("tenant rights, now that her lease is up");
        for (var i = 0; i < 7; i++)
        {
            await ana.Send("skip");
        }

        (await ana.Send("skip")).Expect("Reflection saved");
        Assert.Equal(2, await _bot.QueryAsync(s => s.Meetings.Where(m => m.Person.Name == "Maria Lopez").SelectMany(m => m.Reflections).CountAsync()));

        (await ana.Command("person Maria")).Expect(
            "What the maybe meant: she needs childcare on meeting nights first",
            "Common ground: we both grew up on Delancey Street (Thu 26 Nov)",
            "Cares about: tenant rights, now that her lease is up (Sat 28 Nov)",
            "Talents: bookkeeping at her church",
            "Their story: single mum, two jobs, fierce",
            "Would meet again: yes",
            "About you",
            "You did well: listened more than I talked",
            "You'd do differently: ask about her church sooner",
            "Leads not followed: her brother in the union",
            "`person Maria Lopez history`")
            .ExpectNot("keeping her kids in their school");

        var history = (await ana.Command("person Maria history")).LastText;
        Assert.Contains("keeping her kids in their school", history);
        Assert.Contains("tenant rights, now that her lease is up", history);
        Assert.True(history.IndexOf("tenant rights", StringComparison.Ordinal) < history.IndexOf("keeping her kids", StringComparison.Ordinal),
            $"Newest first:\n{history}");

        await ana.Command("export");
        var csv = Encoding.UTF8.GetString(Assert.Single(ana.Files).Content);
        foreach (var header in new[]
                 {
                     "Reflection: common ground", "Reflection: cares about", "Reflection: excited by", "Reflection: talents",
                     "Reflection: their story", "Reflection: referrals", "Reflection: did well", "Reflection: do differently",
                     "Reflection: leads not followed", "Reflection: meet again", "Reflected on", "What the maybe meant", "Prep: goal",
                 })
        {
            Assert.Contains(header, csv);
        }

        foreach (var answer in new[]
                 {
                     "Delancey Street", "keeping her kids in their school", "tenant rights", "bookkeeping at her church",
                     "single mum", "listened more than I talked", "ask about her church sooner", "her brother in the union",
                     "she needs childcare on meeting nights first",
                 })
        {
            Assert.Contains(answer, csv);
        }
    }

    [Fact]
    public async Task A_reflection_with_every_question_skipped_is_not_saved_and_the_reminder_stays()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("met Maria");
        await ana.Send("skip");
        await ana.Send("skip");
        (await ana.Send("skip")).Expect("Reflecting on your 1:1 with Maria Lopez");
        for (var i = 0; i < 9; i++)
        {
            await ana.Send("skip");
        }

        (await ana.Send("skip")).Expect("Nothing to save: every question was skipped", "I'll remind you again")
            .ExpectNot("Reflection saved");

        Assert.Equal(0, await _bot.QueryAsync(s => s.Meetings.SelectMany(m => m.Reflections).CountAsync()));
        Assert.True(await _bot.QueryAsync(s => s.FollowUps.AnyAsync(f => f.Kind == FollowUpKind.ReflectionPrompt && f.Status == FollowUpStatus.Pending)));
        (await ana.Command("reflect Maria")).Expect("Reflecting on your 1:1 with Maria Lopez");
    }

    [Fact]
    public async Task Referring_people_already_on_the_list_keeps_their_record_and_says_who_was_new()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez met at the kickoff");
        await ana.Command("list add Kenji Tanaka met at the picnic");
        await ana.Command("list add Aisha Bello");
        await ReflectWithReferrals(ana, "Aisha", "Maria Lopez, Grace Kim, Kenji");
        ana.Expect("New on your list, referred by Aisha Bello: Grace Kim", "Already on your list: Maria Lopez, Kenji Tanaka");

        var maria = await _bot.QueryAsync(s => s.Relationships.Include(r => r.ReferredBy).SingleAsync(r => r.Person.Name == "Maria Lopez"));
        Assert.Equal("the kickoff", maria.MetAt);
        Assert.Equal("Aisha Bello", maria.ReferredBy?.Name);
        Assert.False(await _bot.QueryAsync(s => s.People.AnyAsync(p => p.Name == "Kenji")));

        (await ana.Command("list")).Expect("Maria Lopez (not placed yet, met at the kickoff, referred by Aisha Bello)", "Kenji Tanaka (not placed yet, met at the picnic");
        (await ana.Command("person Aisha")).Expect("Referred you to: Grace Kim, Kenji Tanaka, Maria Lopez");
    }

    [Fact]
    public async Task An_ambiguous_referral_is_asked_about_not_guessed()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Maria Chen");
        await ana.Command("list add Aisha Bello");
        await ReflectWithReferrals(ana, "Aisha", "Maria, Grace Kim");
        ana.Expect("New on your list, referred by Aisha Bello: Grace Kim", "Aisha Bello suggested “Maria”", "didn't add anyone",
            "More than one person fits “Maria”", "[Maria Lopez]", "[Maria Chen]");
        var aishaId = await _bot.QueryAsync(s => s.People.Where(p => p.Name == "Aisha Bello").Select(p => p.Id).SingleAsync());
        Assert.All(ana.Buttons.Where(b => b.Label.StartsWith("Maria", StringComparison.Ordinal)),
            b => Assert.EndsWith($"referred by #{aishaId}", b.Payload, StringComparison.Ordinal));

        Assert.False(await _bot.QueryAsync(s => s.Relationships.AnyAsync(r => r.Person.Name.StartsWith("Maria") && r.ReferredByPersonId != null)));
        Assert.False(await _bot.QueryAsync(s => s.People.AnyAsync(p => p.Name == "Maria")));
    }

    [Theory]
    [InlineData("She talked 70% of the time, good", "“She talked 70% of the time”")]
    [InlineData("👍", "“👍”")]
    [InlineData("Grace Kim, she was nice!", "“she was nice!”")]
    public async Task Referral_answers_that_do_not_look_like_names_are_questioned_before_anyone_is_added(string answer, string quoted)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Aisha Bello");
        await StartReflection(ana, "Aisha");
        (await ana.Send(answer)).Expect(quoted, "look like", "`skip`", "Who else did Aisha Bello suggest");

        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync()));
        (await ana.Send("Grace Kim, Kenji")).Expect("What did you do well?");
    }

    [Fact]
    public async Task The_refusal_names_the_entries_it_understood()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Aisha Bello");
        await StartReflection(ana, "Aisha");
        (await ana.Send("Grace Kim, Kenji, she talked 70% of the time")).Expect(
            "I'd add Grace Kim and Kenji", "“she talked 70% of the time” doesn't look like a name", "`Grace Kim, Kenji`");
    }

    [Fact]
    public async Task Names_with_accents_hyphens_apostrophes_and_titles_are_accepted()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Aisha Bello");
        await ReflectWithReferrals(ana, "Aisha", "José Núñez, Mary-Jane O'Neil, Dr. Amara Obi");
        ana.Expect("New on your list, referred by Aisha Bello: José Núñez, Mary-Jane O'Neil, Dr. Amara Obi");
    }

    private static async Task StartReflection(Conversation organizer, string person)
    {
        await organizer.Command($"met {person}");
        await organizer.Send("skip");
        await organizer.Send("skip");
        await organizer.Send("skip");
        for (var i = 0; i < 5; i++)
        {
            await organizer.Send(i == 0 ? "we share a street" : "skip");
        }
    }

    private static async Task ReflectWithReferrals(Conversation organizer, string person, string referrals)
    {
        await StartReflection(organizer, person);
        (await organizer.Send(referrals)).Expect("What did you do well?");
        for (var i = 0; i < 3; i++)
        {
            await organizer.Send("skip");
        }

        await organizer.Send("skip");
    }
}
