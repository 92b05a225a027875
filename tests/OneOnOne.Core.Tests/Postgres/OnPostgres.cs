using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using OneOnOne.Data;
using OneOnOne.Testing.Databases;
using Xunit.Sdk;

namespace OneOnOne.Core.Tests.Postgres;

/// <summary>
/// Every test of <typeparamref name="TTests"/> (each case of a theory too), run again with the engine on PostgreSQL,
/// so a test added there runs on both providers. <typeparamref name="TTests"/> takes the provider through an internal
/// constructor. One derived class per test class, so that xUnit runs them side by side.
/// </summary>
public abstract class OnPostgres<TTests>
    where TTests : IAsyncLifetime
{
    /// <summary>(test, case of a theory or -1 for a fact), for every test of <typeparamref name="TTests"/> that runs.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "xUnit's MemberData reads a static member of the test class.")]
    public static TheoryData<string, int> Tests()
    {
        var tests = new TheoryData<string, int>();
        foreach (var method in typeof(TTests).GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is { Skip: null }))
        {
            var cases = method.GetCustomAttribute<TheoryAttribute>() is null ? [-1] : Enumerable.Range(0, CasesOf(method).Count);
            foreach (var index in cases)
            {
                tests.Add(method.Name, index);
            }
        }

        return tests;
    }

    [PostgresTheory, MemberData(nameof(Tests))]
    public async Task Runs_on_PostgreSQL_as_on_SQLite(string test, int theoryCase)
    {
        var method = typeof(TTests).GetMethod(test)!;
        var instance = (TTests)Activator.CreateInstance(
            typeof(TTests), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, [DatabaseProvider.Postgres], culture: null)!;
        await instance.InitializeAsync();
        try
        {
            await (Task)method.Invoke(instance, theoryCase < 0 ? [] : CasesOf(method)[theoryCase])!;
        }
        finally
        {
            await instance.DisposeAsync();
        }
    }

    private static List<object[]> CasesOf(MethodInfo theory) =>
        theory.GetCustomAttributes<DataAttribute>().SelectMany(data => data.GetData(theory)).ToList();
}
