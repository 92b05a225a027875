using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> processed)
    {
        processed.HasKey(e => e.Key);
        processed.Property(e => e.Key).HasMaxLength(200);
        processed.HasIndex(e => e.ReceivedAt);
    }
}
