using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class SimulatedClockConfiguration : IEntityTypeConfiguration<SimulatedClock>
{
    public void Configure(EntityTypeBuilder<SimulatedClock> clock)
    {
        clock.Property(c => c.Id).ValueGeneratedNever();

        // Ticks, so the offset sorts and adds exactly on every provider.
        clock.Property(c => c.Ahead).HasConversion(v => v.Ticks, v => TimeSpan.FromTicks(v));
    }
}
