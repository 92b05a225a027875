using System.Globalization;
using OneOnOne.Core.Meetings;

namespace OneOnOne.Core.Tests.Meetings;

public class InvitationDraftTests
{
    // 1 December 2026 is a Tuesday.
    private static InvitationDetails Details(
        string? connection = "the kickoff",
        string? purpose = null,
        string? place = "Café Rio on Main Street",
        int minutes = 45,
        string? organizer = "Sam",
        bool metBefore = false) =>
        new("Ana Lopez", organizer, connection, purpose, new DateTime(2026, 12, 1, 18, 30, 0), minutes, place, metBefore);

    [Fact]
    public void Introduces_the_organizer_and_greets_the_person_by_first_name()
    {
        var text = InvitationDraft.Write(Details());

        Assert.StartsWith("Hi Ana, this is Sam.", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Is_left_unsigned_when_the_organizers_name_is_unknown(string? organizer)
    {
        var text = InvitationDraft.Write(Details(organizer: organizer));

        Assert.StartsWith("Hi Ana! We met at the kickoff.", text);
        Assert.DoesNotContain("this is", text);
    }

    [Theory]
    [InlineData("her office")]
    [InlineData("we met at his brother's party")]
    public void Leaves_out_a_connection_written_about_the_person_rather_than_to_them(string connection)
    {
        var text = InvitationDraft.Write(Details(connection: connection));

        Assert.DoesNotContain("office", text);
        Assert.DoesNotContain("party", text);
        Assert.StartsWith("Hi Ana, this is Sam. I'm getting to know people", text);
    }

    [Fact]
    public void A_follow_up_picks_up_the_thread_instead_of_introducing()
    {
        var text = InvitationDraft.Write(Details(metBefore: true));

        Assert.StartsWith("Hi Ana, it's Sam. It was good to talk last time. I'd love to pick up where we left off", text);
        Assert.DoesNotContain("We met", text);
        Assert.DoesNotContain("getting to know people", text);
    }

    [Fact]
    public void A_follow_up_still_uses_the_organizers_own_purpose()
    {
        var text = InvitationDraft.Write(Details(metBefore: true, purpose: "talk through the committee role"));

        Assert.Contains("I'd love to get together to talk through the committee role.", text);
        Assert.DoesNotContain("pick up where we left off", text);
    }

    [Fact]
    public void Names_the_connection_when_it_is_an_occasion()
    {
        var text = InvitationDraft.Write(Details(connection: "the kickoff"));

        Assert.Contains("We met at the kickoff.", text);
    }

    [Fact]
    public void Keeps_a_connection_the_organizer_wrote_as_a_sentence()
    {
        var text = InvitationDraft.Write(Details(connection: "Maria suggested I get in touch"));

        Assert.Contains("Maria suggested I get in touch.", text);
        Assert.DoesNotContain("We met", text);
    }

    [Fact]
    public void Does_not_repeat_we_met_when_the_connection_already_says_it()
    {
        var text = InvitationDraft.Write(Details(connection: "we met at the tenants' meeting"));

        Assert.Contains("We met at the tenants' meeting.", text);
        Assert.Equal(2, text.Split("met at").Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Leaves_the_connection_out_when_unknown(string? connection)
    {
        var text = InvitationDraft.Write(Details(connection: connection));

        Assert.DoesNotContain("met", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("suggested", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Proposes_a_readable_date_time_length_and_place()
    {
        var text = InvitationDraft.Write(Details());

        Assert.Contains("Tuesday 1 December at 18:30", text);
        Assert.Contains("about 45 minutes", text);
        Assert.Contains("at Café Rio on Main Street", text);
    }

    [Fact]
    public void Writes_the_date_in_english_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var text = InvitationDraft.Write(Details());

            Assert.Contains("Tuesday 1 December at 18:30", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Says_an_hour_for_sixty_minutes()
    {
        Assert.Contains("about an hour", InvitationDraft.Write(Details(minutes: 60)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Lets_them_choose_the_place_when_none_is_given(string? place)
    {
        var text = InvitationDraft.Write(Details(place: place));

        Assert.Contains("18:30, somewhere that suits you?", text);
    }

    [Theory]
    [InlineData("her office", "at your office?")]
    [InlineData("His place on Elm St", "at your place on Elm St?")]
    [InlineData("near their school", "near your school?")]
    public void A_place_named_about_them_is_said_to_them(string place, string expected)
    {
        var text = InvitationDraft.Write(Details(place: place));

        Assert.Contains(expected, text);
        Assert.DoesNotContain(place, text);
    }

    [Fact]
    public void Does_not_add_at_when_the_place_has_its_own_preposition()
    {
        var text = InvitationDraft.Write(Details(place: "over the phone"));

        Assert.Contains("18:30, over the phone?", text);
    }

    [Fact]
    public void Keeps_the_purpose_general_when_the_organizer_gave_none()
    {
        var text = InvitationDraft.Write(Details(purpose: null));

        Assert.Contains("what matters to you", text);
    }

    [Fact]
    public void Uses_the_organizers_own_words_for_the_purpose()
    {
        var text = InvitationDraft.Write(Details(purpose: "hear how you got involved with the food bank"));

        Assert.Contains("I'd love to get together to hear how you got involved with the food bank.", text);
        Assert.DoesNotContain("what matters to you", text);
    }

    [Fact]
    public void Keeps_a_purpose_written_as_a_sentence()
    {
        var text = InvitationDraft.Write(Details(purpose: "I'm starting a tenants' group on our street"));

        Assert.Contains("I'm starting a tenants' group on our street.", text);
        Assert.DoesNotContain("get together to I'm", text);
    }

    [Fact]
    public void Asks_rather_than_tells()
    {
        var text = InvitationDraft.Write(Details());

        Assert.Contains("Would that work for you?", text);
    }

    [Fact]
    public void Stays_short_enough_to_send_as_a_chat_message()
    {
        var text = InvitationDraft.Write(Details(purpose: null));

        Assert.True(text.Length < 600, $"{text.Length} characters: {text}");
    }
}
