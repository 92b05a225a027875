using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Name).HasMaxLength(200);
        person.Property(p => p.NormalizedName).HasMaxLength(200);
        person.Property(p => p.ExternalUserId).HasMaxLength(64);
        person.HasIndex(p => new { p.TeamId, p.NormalizedName });
        person.HasIndex(p => new { p.TeamId, p.ExternalUserId });
        person.HasIndex(p => new { p.TeamId, p.Level });
        person.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId);
        person.HasOne(p => p.AddedBy).WithMany().HasForeignKey(p => p.AddedByOrganizerId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
