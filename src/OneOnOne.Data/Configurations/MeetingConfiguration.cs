using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    private const int TextLimit = 4000;

    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.Ignore(m => m.EndsAt);
        meeting.Ignore(m => m.HasOpenCommitment);
        meeting.Ignore(m => m.IsReflectedOn);
        meeting.Ignore(m => m.LatestReflection);
        meeting.Property(m => m.Place).HasMaxLength(500);
        meeting.Property(m => m.Commitment).HasMaxLength(TextLimit);
        meeting.OwnsOne(m => m.Prep, prep =>
        {
            prep.Property(p => p.Goal).HasMaxLength(TextLimit);
            prep.Property(p => p.WhyThem).HasMaxLength(TextLimit);
            prep.Property(p => p.TheirInterest).HasMaxLength(TextLimit);
            prep.Property(p => p.KnownAndHoped).HasMaxLength(TextLimit);
            prep.Property(p => p.MyStory).HasMaxLength(TextLimit);
            prep.Property(p => p.Ask).HasMaxLength(TextLimit);
            prep.Property(p => p.Alternatives).HasMaxLength(TextLimit);
            prep.Property(p => p.Connection).HasMaxLength(TextLimit);
            prep.Property(p => p.InvitationPurpose).HasMaxLength(TextLimit);
        });
        meeting.Navigation(m => m.Prep).IsRequired();
        meeting.HasOne(m => m.Organizer).WithMany().HasForeignKey(m => m.OrganizerId);
        meeting.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
        meeting.HasMany(m => m.Reflections).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasIndex(m => new { m.OrganizerId, m.Status, m.StartsAt });
        meeting.HasIndex(m => new { m.PersonId, m.HeldAt });

        // The digest's queries: held 1:1s in a window, and open commitments by due date.
        meeting.HasIndex(m => new { m.OrganizerId, m.Status, m.HeldAt });
        meeting.HasIndex(m => new { m.OrganizerId, m.CommitmentDueAt })
            .HasFilter("\"Commitment\" IS NOT NULL AND \"CommitmentDoneAt\" IS NULL");
    }
}
