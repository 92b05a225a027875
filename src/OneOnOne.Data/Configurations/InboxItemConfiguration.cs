using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Data.Inbox;

namespace OneOnOne.Data.Configurations;

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> item)
    {
        item.Property(i => i.Platform).HasMaxLength(32);
        item.Property(i => i.Lane).HasMaxLength(200);
        item.Property(i => i.DeliveryKey).HasMaxLength(200);
        item.Property(i => i.Kind).HasMaxLength(64);
        item.Property(i => i.LeaseOwner).HasMaxLength(200);

        // The de-duplication claim: storing a delivery twice fails in the same commit that stores it.
        item.HasIndex(i => i.DeliveryKey).IsUnique();

        // A lane's oldest unfinished item (the claim), and what a start-up or the sweep looks for.
        item.HasIndex(i => new { i.Lane, i.FinishedAt });
        item.HasIndex(i => i.FinishedAt);
    }
}
