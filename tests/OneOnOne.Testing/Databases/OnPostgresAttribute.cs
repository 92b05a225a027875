using System.Reflection;
using OneOnOne.Data;
using Xunit.Sdk;

namespace OneOnOne.Testing.Databases;

/// <summary>
/// Runs a theory once on PostgreSQL, with <see cref="DatabaseProvider.Postgres"/> as its argument; that case is
/// skipped, saying why, when no server is configured (<see cref="PostgresTestServer"/>).
/// </summary>
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute() => Skip = PostgresTestServer.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
