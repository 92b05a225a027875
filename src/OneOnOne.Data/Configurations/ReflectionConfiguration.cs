using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    private const int TextLimit = 4000;

    public void Configure(EntityTypeBuilder<Reflection> reflection)
    {
        foreach (var property in reflection.Metadata.GetProperties().Where(p => p.ClrType == typeof(string)))
        {
            property.SetMaxLength(TextLimit);
        }

        reflection.HasIndex(r => new { r.MeetingId, r.CompletedAt });
    }
}
