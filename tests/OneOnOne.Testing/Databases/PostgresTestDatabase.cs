using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneOnOne.Data;

namespace OneOnOne.Testing.Databases;

/// <summary>
/// A fresh database on <see cref="PostgresTestServer"/> for one test, dropped afterwards. A migrated one is a copy
/// of a template this process migrates once (<c>CREATE DATABASE … TEMPLATE</c>, a file copy on the server), so each
/// test gets every table in milliseconds instead of running every migration again.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresTestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgresTestServer.For(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public override DatabaseOptions Options => new() { Provider = DatabaseProvider.Postgres, ConnectionString = ConnectionString };

    /// <summary>A database with every migration applied.</summary>
    public static PostgresTestDatabase CreateMigrated() => Create(Template.Value);

    /// <summary>A database with no tables at all, for the migrations themselves.</summary>
    public static PostgresTestDatabase CreateEmpty() => Create(template: null);

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));

        // FORCE closes what the bot's own pools still hold open.
        PostgresTestServer.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        return ValueTask.CompletedTask;
    }

    private static PostgresTestDatabase Create(string? template)
    {
        var name = NewName("oneonone_test");
        PostgresTestServer.Execute($"CREATE DATABASE {name}" + (template is null ? string.Empty : $" TEMPLATE {template}"));
        return new PostgresTestDatabase(name);
    }

    private static string CreateTemplate()
    {
        var name = NewName("oneonone_template");
        PostgresTestServer.Execute($"CREATE DATABASE {name}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresTestServer.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

        // Unpooled: a template can only be copied while nobody is connected to it.
        var options = new DbContextOptionsBuilder<OneOnOneDbContext>();
        options.UseOneOnOneDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = PostgresTestServer.For(name, pooling: false) });
        using var db = new OneOnOneDbContext(options.Options);
        db.Database.Migrate();
        return name;
    }

    private static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
