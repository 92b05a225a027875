namespace OneOnOne.Core.Digests;

/// <summary>Draws the digest's chart; implemented outside the engine so the engine carries no imaging library.</summary>
public interface IDigestChartRenderer
{
    string ContentType { get; }

    string FileName(DateTimeOffset weekEnd);

    byte[] Render(TeamDigest digest);
}
