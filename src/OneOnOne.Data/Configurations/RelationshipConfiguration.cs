using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> relationship)
    {
        relationship.Property(r => r.MetAt).HasMaxLength(500);
        relationship.Property(r => r.Notes).HasMaxLength(8000);
        relationship.HasIndex(r => new { r.OrganizerId, r.PersonId }).IsUnique();
        relationship.HasOne(r => r.Organizer).WithMany().HasForeignKey(r => r.OrganizerId);
        relationship.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId);
        relationship.HasOne(r => r.ReferredBy).WithMany().HasForeignKey(r => r.ReferredByPersonId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
