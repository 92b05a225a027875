using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class LevelChangeConfiguration : IEntityTypeConfiguration<LevelChange>
{
    public void Configure(EntityTypeBuilder<LevelChange> change)
    {
        change.HasIndex(c => new { c.PersonId, c.ChangedAt });
        change.HasIndex(c => c.ChangedAt);
        change.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
        change.HasOne<Organizer>().WithMany().HasForeignKey(c => c.OrganizerId);
    }
}
