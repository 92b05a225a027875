using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Bot.Tests;

/// <summary>The real host on PostgreSQL: set up from nothing at the first start, unchanged by the next.</summary>
public sealed class PostgresStartupTests
{
    [PostgresFact]
    public async Task The_bot_sets_up_an_empty_database_at_its_first_start_and_starts_again_on_it()
    {
        await using var database = PostgresTestDatabase.CreateEmpty();
        var settings = Settings(database.ConnectionString);

        for (var start = 0; start < 2; start++)
        {
            using var host = BotHost.Build([BotModes.ConsoleFlag], settings);
            await host.StartAsync();
            await host.StopAsync();
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT (SELECT COUNT(*) FROM "__EFMigrationsHistory"), (SELECT COUNT(*) FROM qrtz_job_details)""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) >= 2, "every PostgreSQL migration is applied");
        Assert.Equal(1L, reader.GetInt64(1));
    }

    [Fact]
    public async Task Postgres_without_a_server_to_use_stops_start_up_in_one_sentence()
    {
        var refused = await Record.ExceptionAsync(async () =>
        {
            using var host = BotHost.Build([BotModes.ConsoleFlag], Settings(connectionString: null));
            await host.StartAsync();
        });

        var problem = Assert.Single(Assert.IsType<OptionsValidationException>(refused).Failures);
        Assert.StartsWith("Database:ConnectionString is missing: Database:Provider is Postgres", problem, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string? connectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["Bot:DefaultTimeZone"] = "UTC",
        ["Console:User"] = "Ana",
        ["Logging:LogLevel:Default"] = "Critical",
    };
}
