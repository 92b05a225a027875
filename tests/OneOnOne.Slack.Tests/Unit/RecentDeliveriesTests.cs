using OneOnOne.Slack.SocketMode;

namespace OneOnOne.Slack.Tests.Unit;

public sealed class RecentDeliveriesTests
{
    [Fact]
    public void A_resend_is_recognised_and_gets_the_same_acknowledgement()
    {
        var recent = new RecentDeliveries();
        var answer = new { text = "Added Maria" };

        Assert.True(recent.TryClaim("e1"));
        recent.Remember("e1", answer);

        Assert.False(recent.TryClaim("e1"));
        Assert.Same(answer, recent.AcknowledgementOf("e1"));
    }

    [Fact]
    public void Only_the_newest_acknowledgements_are_kept_but_every_id_is_still_recognised()
    {
        var recent = new RecentDeliveries(capacity: 100, acknowledgementCapacity: 2);
        foreach (var id in new[] { "e1", "e2", "e3" })
        {
            recent.TryClaim(id);
            recent.Remember(id, id.ToUpperInvariant());
        }

        Assert.Null(recent.AcknowledgementOf("e1"));
        Assert.Equal("E3", recent.AcknowledgementOf("e3"));
        Assert.False(recent.TryClaim("e1"));
    }

    [Fact]
    public void An_acknowledgement_that_could_not_be_sent_is_not_repeated()
    {
        var recent = new RecentDeliveries();
        recent.TryClaim("e1");
        recent.Remember("e1", "answer");
        recent.Remember("e1", null);

        Assert.Null(recent.AcknowledgementOf("e1"));
    }
}
