using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class FlowRunConfiguration : IEntityTypeConfiguration<FlowRun>
{
    public void Configure(EntityTypeBuilder<FlowRun> run)
    {
        run.Property(r => r.Flow).HasMaxLength(64);
        run.Property(r => r.Step).HasMaxLength(64);
        run.Property(r => r.Revision).IsConcurrencyToken();
        run.Ignore(r => r.IsActive);
        run.HasOne<Organizer>().WithMany().HasForeignKey(r => r.OrganizerId);

        // At most one active run per organizer, enforced by the database as well as the runner.
        run.HasIndex(r => r.OrganizerId)
            .IsUnique()
            .HasFilter($"\"Status\" = '{nameof(FlowStatus.Active)}'");
    }
}
