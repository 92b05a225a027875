using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class OrganizerConfiguration : IEntityTypeConfiguration<Organizer>
{
    public void Configure(EntityTypeBuilder<Organizer> organizer)
    {
        organizer.Property(o => o.ExternalUserId).HasMaxLength(64);
        organizer.Property(o => o.DisplayName).HasMaxLength(200);
        organizer.Property(o => o.TimeZone).HasMaxLength(64);
        organizer.Property(o => o.PlatformTimeZone).HasMaxLength(64);
        organizer.Ignore(o => o.EffectiveTimeZone);
        organizer.HasOne(o => o.Team).WithMany(t => t.Organizers).HasForeignKey(o => o.TeamId);
        organizer.HasIndex(o => new { o.TeamId, o.ExternalUserId }).IsUnique();
    }
}
