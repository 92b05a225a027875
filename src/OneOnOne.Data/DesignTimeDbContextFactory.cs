using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneOnOne.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OneOnOneDbContext>
{
    public OneOnOneDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OneOnOneDbContext>().UseSqlite("Data Source=design.db").Options);
}
