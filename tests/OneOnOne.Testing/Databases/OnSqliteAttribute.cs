using System.Reflection;
using OneOnOne.Data;
using Xunit.Sdk;

namespace OneOnOne.Testing.Databases;

/// <summary>Runs a theory once on SQLite, with <see cref="DatabaseProvider.Sqlite"/> as its argument.</summary>
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}
