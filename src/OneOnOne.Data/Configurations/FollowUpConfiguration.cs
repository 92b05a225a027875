using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> followUp)
    {
        followUp.Property(f => f.PlatformMessageId).HasMaxLength(100);
        followUp.HasOne(f => f.Organizer).WithMany().HasForeignKey(f => f.OrganizerId);
        followUp.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId);
        followUp.HasOne(f => f.Meeting).WithMany().HasForeignKey(f => f.MeetingId);

        // The scheduler's hot query: what is pending and due.
        followUp.HasIndex(f => new { f.Status, f.DueAt });
        followUp.HasIndex(f => new { f.OrganizerId, f.Status });
        followUp.HasIndex(f => f.MeetingId);
    }
}
