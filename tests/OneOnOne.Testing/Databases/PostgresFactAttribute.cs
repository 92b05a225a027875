using Xunit;

namespace OneOnOne.Testing.Databases;

/// <summary>A test that needs <see cref="PostgresTestServer"/>: skipped, saying why, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestServer.SkipReason;
}
