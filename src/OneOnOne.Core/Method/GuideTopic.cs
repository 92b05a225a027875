namespace OneOnOne.Core.Method;

/// <summary>One screen of <c>guide</c>: a part of the method (METHOD.md), told in a few lines.</summary>
/// <param name="Name">The word after <c>guide</c> shown in the contents, e.g. <c>ask</c>.</param>
/// <param name="Title">The screen's header.</param>
/// <param name="Summary">Its line in the contents, lower case, e.g. "the ask and what to do with each answer".</param>
/// <param name="Body">The teaching itself: short paragraphs and bullets, well within one message.</param>
/// <param name="Next">What to type to put it into practice; the screen ends with it.</param>
/// <param name="Synonyms">Other words an organizer may reach for ("levels" for the pyramid).</param>
public sealed record GuideTopic(string Name, string Title, string Summary, string Body, string Next, params string[] Synonyms)
{
    /// <summary>Every word this topic answers to, its name first.</summary>
    public IEnumerable<string> Words => Synonyms.Prepend(Name);
}
