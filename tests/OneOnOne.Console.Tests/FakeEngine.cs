using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Console.Tests;

/// <summary>Records every inbound and answers with whatever the test scripted.</summary>
internal sealed class FakeEngine : IConversationEngine
{
    private Func<Inbound, IReadOnlyList<Outbound>> _respond = _ => [];
    private Func<Address, IReadOnlyList<Outbound>> _resume = _ => [];

    public List<Inbound> Received { get; } = [];

    /// <summary>Whom the adapter asked about waiting questions, in order.</summary>
    public List<Address> Resumed { get; } = [];

    public List<Input> Inputs => [.. Received.Select(i => i.Input)];

    public FakeEngine Respond(Func<Inbound, IReadOnlyList<Outbound>> respond)
    {
        _respond = respond;
        return this;
    }

    /// <summary>Answers the n-th inbound (from 0) with the given messages, and every other with nothing.</summary>
    public FakeEngine RespondTo(int index, params Outbound[] messages) =>
        Respond(_ => Received.Count - 1 == index ? messages : []);

    /// <summary>What <see cref="ResumeAsync"/> answers: by default nothing waits.</summary>
    public FakeEngine OnResume(Func<Address, IReadOnlyList<Outbound>> resume)
    {
        _resume = resume;
        return this;
    }

    public Task<IReadOnlyList<Outbound>> ResumeAsync(Address organizer, CancellationToken cancellationToken = default)
    {
        Resumed.Add(organizer);
        return Task.FromResult(_resume(organizer));
    }

    public Task<IReadOnlyList<Outbound>> HandleAsync(Inbound inbound, CancellationToken cancellationToken = default)
    {
        Received.Add(inbound);
        return Task.FromResult(_respond(inbound));
    }

    /// <summary>The console never asks; every inbound goes through <see cref="HandleAsync"/> here.</summary>
    public IReadOnlyList<Outbound>? TryAnswerAtOnce(Inbound inbound) => null;

    public static Outbound Say(params Block[] blocks) => new(ToSender.Instance, blocks);
}
