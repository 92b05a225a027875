using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneOnOne.Data.PostgresMigrations;

/// <summary>
/// Lets <c>dotnet ef migrations add --project src/OneOnOne.Data.PostgresMigrations</c> build the PostgreSQL model
/// without a server: adding a migration never connects.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OneOnOneDbContext>
{
    public OneOnOneDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OneOnOneDbContext>();
        options.UseOneOnOneDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" });
        return new OneOnOneDbContext(options.Options);
    }
}
