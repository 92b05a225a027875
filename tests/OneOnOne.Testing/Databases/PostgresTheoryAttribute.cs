using Xunit;

namespace OneOnOne.Testing.Databases;

/// <summary>A theory that needs <see cref="PostgresTestServer"/>: skipped, saying why, when none is configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = PostgresTestServer.SkipReason;
}
