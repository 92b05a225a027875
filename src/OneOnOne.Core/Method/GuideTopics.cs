using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Method;

/// <summary>
/// The method at a glance, in the order an organizer lives it. Every sentence here rests on the guides' teaching
/// as summarised in METHOD.md (the section is named on each topic), in our own words; each topic stays one screen.
/// </summary>
public static class GuideTopics
{
    // METHOD.md "Who uses it", "What a 1:1 is" (kinds) and §1.
    private static readonly GuideTopic List = new(
        "list", "Your list and your goal", "your list of people and your goal for four weeks",
        """
        Each 1:1 builds a relationship, so start with the people you want to sit down with.
        • Keep a list of about ten people you'd like a 1:1 with: people you met at an event, people someone referred to you, members of your team.
        • Set a goal: how many 1:1s you'll hold in the next four weeks. Progress is the 1:1s you held in that window.
        • There are three kinds of 1:1: recruitment (someone new), maintenance (checking in with a member about how their involvement is going) and escalation (asking a member to take on a new role).
        """,
        "`list add Maria Lopez met at the kickoff`, then `goal 6`.",
        "goal", "goals", "start", "list and goal", "kinds");

    // METHOD.md §2, §3 and §9 (face to face, length, name-drop).
    private static readonly GuideTopic Invitation = new(
        "invitation", "The invitation", "preparing, asking for the meeting, where and how long",
        """
        Before you reach out, prepare: your goal for the meeting, why they might say yes, what may matter most to them, and the story of why you got involved.
        Then ask them to meet:
        • Introduce yourself and say why you'd like to talk. Name your personal connection, or the person who suggested you meet.
        • For a first meeting, keep the purpose general and let them say yes: "Would it be OK if we sat down for half an hour?"
        • Meet within about two weeks, face to face if you can, somewhere they feel at ease. Phone and email are for setting it up; a relationship grows in person.
        • Plan 30 to 45 minutes: rarely under 20, never over an hour.
        """,
        "`plan Maria` to prepare, then `schedule Maria tomorrow 6pm at Cafe Luna for 40` drafts an invitation for you to send.",
        "invite", "invitations", "setup", "set up", "prepare", "prep", "plan", "schedule");

    // METHOD.md "What a 1:1 is (and is not)", §4 (acts and habits) and §9 (qualities, first ones awkward).
    private static readonly GuideTopic Acts = new(
        "acts", "The five acts of a 1:1", "what a 1:1 is, and its five acts",
        $"""
        A 1:1 is a planned conversation to build a public relationship. {TheMeeting.WhatItIsNot} {TheMeeting.Qualities}
        {TheMeeting.NumberedActs}
        {TheMeeting.Listening} {TheMeeting.FirstOnesFeelAwkward}
        """,
        "`guide questions` for questions that open people up.",
        "five acts", "act", "meeting", "the meeting", "one on one", "1:1", "stages");

    // METHOD.md §4 (questions, habits, question banks) and §9 (easy factual questions first, not an interview).
    private static readonly GuideTopic Questions = new(
        "questions", "Questions that open people up", "questions that open people up",
        $"""
        Open questions let people tell you what matters to them. Start with easy, factual ones, then go deeper.
        • To begin: What do you do for a living? How long have you been part of this community?
        • What moves them: What brought you to this work? Why do you keep at it? What issues do the people you serve face?
        • Their organization, if they have one: What does it do? How long has it been around? Which networks is it part of?
        • To go deeper: {TheMeeting.Deeper}
        Go deep rather than wide, and listen for the story behind facts and opinions. It's a conversation, not an interview: share your story too. {TheMeeting.WhoElse}
        """,
        "`plan Maria` to note what you hope to find out.",
        "question", "open questions", "listening", "listen");

    // METHOD.md §2 (first recruitment may wait), §5 and §9 (before the ask, leave with the next step).
    private static readonly GuideTopic Ask = new(
        "ask", "The ask and its answers", "the ask, and what to do with each answer",
        """
        Near the end, name the common ground you heard and say what the campaign is doing and why. Then make one clear, specific ask that fits what you learned.
        • Yes: share the details and confirm what they'll do, and by when.
        • Maybe: find out what the maybe means, and adjust the ask.
        • No: find out whether it's a no to the date and time or to the activity itself, and offer an alternative.
        Whatever the answer, agree when you'll talk next, thank them, and say when you'll follow up. A first recruitment 1:1 can save the ask for the second meeting.
        """,
        "after the meeting, `met Maria` records their answer and what they committed to.",
        "asking", "answers", "answer", "commitment", "commit", "yes", "maybe", "no");

    // METHOD.md §6.
    private static readonly GuideTopic Reflection = new(
        "reflection", "Reflecting after a 1:1", "reflecting right after, while it's fresh",
        """
        Take a few minutes right after the meeting, while it's fresh. I'll prompt you.
        • About them: What do you have in common? What do they care about most, and why? What excites them? Their talents and skills, and a role that would excite them.
        • About you: What did you do well? What would you do differently? Did you listen for the stories behind facts and opinions? Which leads didn't you follow, and why? Would you talk with them again?
        • In a few words: their story, what drives them, and anyone they referred you to.
        """,
        "`reflect Maria`, or `person Maria history` to read what you noted before.",
        "reflect", "reflections", "after", "debrief", "notes");

    // METHOD.md §8 (referrals) and §9 (name-drop, ask the referrer to connect you).
    private static readonly GuideTopic Referrals = new(
        "referrals", "Referrals", "growing your list from every conversation",
        """
        Ask everyone you meet: who else should I talk to? That is how your list grows, and someone who points you to others is a sign of a well-connected person.
        • Note referrals in your reflection: they join your list, linked to the person who suggested them.
        • When you invite someone who was referred, say who suggested you talk.
        • Better still, ask the person who referred them to introduce you.
        """,
        "`list add Sam Ortiz referred by Maria`.",
        "referral", "refer", "referred", "who else");

    // METHOD.md §7, and §9 (small steps up).
    private static readonly GuideTopic Pyramid = new(
        "pyramid", "The engagement pyramid", "the engagement pyramid, and moving people up",
        $"""
        Everyone you meet sits somewhere on the pyramid, and it changes over time. The team's aim is to help people move up.
        1. {Labels.WithMeaning(EngagementLevel.Follower)}.
        2. {Labels.WithMeaning(EngagementLevel.Contributor)}.
        3. {Labels.WithMeaning(EngagementLevel.Active)}.
        4. {Labels.WithMeaning(EngagementLevel.Core)}.
        Move people up in small steps: invite them to a meeting or event tied to what they care about, greet them and introduce them to others there, give them a small task, and talk it over with them afterwards.
        """,
        "`level Maria contributor` records where someone is; `people` shows your whole pyramid.",
        "levels", "level", "engagement", "ladder", "leaders");

    // METHOD.md §8, and §9 (leave with the next step).
    private static readonly GuideTopic FollowUp = new(
        "follow-up", "Follow up and keep in touch", "following up and keeping in touch",
        """
        After a 1:1, keep the relationship going.
        • Thank them soon, with a note or a call.
        • Confirm what they committed to, and book the next conversation if you agreed one.
        • Invite them to an event or training that fits what they care about. Greet them there, introduce them around, and talk it over afterwards.
        • Keep in touch: maintenance 1:1s keep a relationship alive, and escalation 1:1s invite someone into a new role.
        I'll remind you to thank them, to confirm their commitment and to check in again.
        """,
        "`status` shows what's due and who you're waiting on.",
        "followup", "follow up", "follow", "thanks", "thank you", "maintain", "maintenance", "next step", "escalation");

    /// <summary>Every topic, in the order of the contents.</summary>
    public static IReadOnlyList<GuideTopic> All { get; } =
        [List, Invitation, Acts, Questions, Ask, Reflection, Referrals, Pyramid, FollowUp];

    /// <summary>
    /// The topics an organizer's words may mean: by number in the contents, by a name or synonym ignoring case,
    /// spaces and punctuation ("Five Acts", "follow up"), or else every topic one of whose words starts with
    /// what they typed ("pyr"). Empty when nothing fits; more than one when the words fit several.
    /// </summary>
    public static IReadOnlyList<GuideTopic> Matching(string said)
    {
        var trimmed = said.Trim();
        if (int.TryParse(trimmed, out var number))
        {
            return number >= 1 && number <= All.Count ? [All[number - 1]] : [];
        }

        var wanted = Normalize(trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? trimmed[4..] : trimmed);
        if (wanted.Length == 0)
        {
            return [];
        }

        var exact = All.Where(topic => topic.Words.Any(word => Normalize(word) == wanted)).ToList();
        return exact.Count > 0
            ? exact
            : All.Where(topic => topic.Words.Any(word => Normalize(word).StartsWith(wanted, StringComparison.Ordinal))).ToList();
    }

    /// <summary>Letters and digits only, lower case: "Follow-up", "follow up" and "followup" read alike.</summary>
    private static string Normalize(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
