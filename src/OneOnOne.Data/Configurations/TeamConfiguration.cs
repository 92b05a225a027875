using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Platform).HasMaxLength(32);
        team.Property(t => t.ExternalId).HasMaxLength(64);
        team.Property(t => t.TimeZone).HasMaxLength(64);
        team.Property(t => t.DigestChannel).HasMaxLength(64);
        team.Property(t => t.DigestChannelName).HasMaxLength(100);
        team.Property(t => t.DigestTimeZone).HasMaxLength(64);
        team.HasIndex(t => new { t.Platform, t.ExternalId }).IsUnique();
        team.HasIndex(t => t.NextDigestAt);
    }
}
