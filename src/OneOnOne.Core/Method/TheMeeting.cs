using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Method;

/// <summary>
/// What the guides teach about being in the room (METHOD.md "What a 1:1 is", §4 and §9), in the words both the
/// <c>guide</c> screens and the pocket guide use: one wording per sentence, so the two never drift apart.
/// Short enough for a card read on a phone just before a 1:1.
/// </summary>
public static class TheMeeting
{
    /// <summary>The five acts in order, each with the moves before and after the ask (§9) where they fall.</summary>
    public static IReadOnlyList<string> FiveActs { get; } =
    [
        "Attention: say why you're meeting; open with easy facts, like their work or how long they've lived here.",
        "Interest: name what you hope to talk about.",
        "Exploration: most of the time. Open questions on what they value; share your story; name the common ground.",
        "Exchange: information, support, contacts; say what the campaign is doing and why.",
        "Commitment: a clear, specific ask that fits what you learned; at least a date to meet again; thank them and say when you'll follow up.",
    ];

    /// <summary>The qualities that help (§9).</summary>
    public const string Qualities = "Be curious, non-judgmental and courageous.";

    /// <summary>What a 1:1 is not ("What a 1:1 is (and is not)", §9).</summary>
    public const string WhatItIsNot = "Not a survey, chit-chat, a debate, a sales pitch or an interview.";

    /// <summary>The listening habits (§4).</summary>
    public const string Listening = "Listen at least twice as much as you talk; let them finish. Phone away.";

    /// <summary>How a list grows (§4, §8).</summary>
    public const string WhoElse = "Before you part, ask who else you should talk to.";

    /// <summary>Questions that take a conversation deeper (§4).</summary>
    public const string Deeper = "Why? What was that like? Tell me more.";

    /// <summary>Beginners wait to be ready; the guides say to start anyway (§9).</summary>
    public const string FirstOnesFeelAwkward =
        "The first few 1:1s often feel awkward, and that's normal: they don't need to be perfect, they just need to happen.";

    /// <summary>The kind as a 1:1 is introduced: "A recruitment 1:1", "An escalation 1:1".</summary>
    public static string Titled(MeetingKind kind)
    {
        var phrase = Labels.WithArticle(kind);
        return $"{char.ToUpperInvariant(phrase[0])}{phrase[1..]} 1:1";
    }

    /// <summary>
    /// What a kind of 1:1 is for ("What a 1:1 is", §8, §9), so the conversation leans the right way: said when the
    /// organizer prepares it and again on the pocket guide.
    /// </summary>
    public static string Focus(MeetingKind kind) => kind switch
    {
        MeetingKind.Maintenance =>
            "how their involvement is going and what they need, then a small next step that fits what they care about.",
        MeetingKind.Escalation =>
            "the role you have in mind. Show how it fits what drives them, ask clearly, and agree the first step.",
        _ => "get to know them and what they care about, and share why you got involved.",
    };

    /// <summary>The five acts as a numbered list, one act a line.</summary>
    public static string NumberedActs { get; } = string.Join('\n', FiveActs.Select((act, i) => $"{i + 1}. {act}"));
}
