using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneOnOne.Data.Tests;

/// <summary>Database settings that can't work stop start-up with one sentence, and never echo a connection string.</summary>
public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Oracle", null, "Database:Provider is \"Oracle\", which is not one of Sqlite, Postgres.")]
    [InlineData("7", null, "Database:Provider is \"7\": set Sqlite (the default) or Postgres.")]
    [InlineData("Postgres", null, "Database:ConnectionString is missing: Database:Provider is Postgres, so set it to your PostgreSQL server")]
    [InlineData("postgres", " ", "Database:ConnectionString is missing")]
    [InlineData("Postgres", "Data Source=data/oneonone.db;Password=hunter2", "Database:ConnectionString is not a PostgreSQL connection string")]
    [InlineData("Postgres", "Database=oneonone;Password=hunter2", "Database:ConnectionString names no server: add Host=<server>")]
    [InlineData("Sqlite", "Host=db;Password=hunter2", "Database:ConnectionString is not a SQLite connection string")]
    public void A_setting_that_cant_work_is_refused_in_one_sentence(string provider, string? connectionString, string expected)
    {
        var problem = Assert.Single(Assert.Throws<OptionsValidationException>(() => Resolve(provider, connectionString)).Failures);

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite, DatabaseOptions.DefaultSqliteConnectionString)]
    [InlineData("postgres", "Host=db;Database=oneonone", DatabaseProvider.Postgres, "Host=db;Database=oneonone")]
    public void Sqlite_needs_no_settings_and_postgres_takes_its_server(string? provider, string? connectionString, DatabaseProvider expected, string expectedConnection)
    {
        var options = Resolve(provider, connectionString);

        Assert.Equal((expected, expectedConnection), (options.Provider, options.ConnectionString));
    }

    private static DatabaseOptions Resolve(string? provider, string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connectionString,
            })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneOnOneData()
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    }
}
