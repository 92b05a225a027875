using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Engine;

/// <summary>
/// Turns an inbound's sender into an organizer, creating the team and organizer on first contact, and
/// records the delivery's claim in the same commit: one write per inbound, whatever the command does after.
/// </summary>
public sealed class OrganizerDirectory(IOneOnOneStore store, TimeProvider time, IOptions<EngineOptions> options)
{
    /// <param name="claimKey">The delivery's id, recorded so that a redelivery is recognised; null when the platform gives none.</param>
    /// <returns>The sender's context, or null when <paramref name="claimKey"/> was claimed before: a duplicate delivery.</returns>
    public async Task<ConversationContext?> ResolveAsync(Inbound inbound, string? claimKey, CancellationToken ct)
    {
        var context = await FindOrAddAsync(inbound, ct);
        var claim = claimKey is null ? null : store.ProcessedEvents.Add(new ProcessedEvent { Key = claimKey, ReceivedAt = context.Now });
        try
        {
            await store.SaveChangesAsync(ct);
            return context;
        }
        catch (DbUpdateException)
        {
            // Either the same delivery arrived twice at once and the other copy claimed it, or two first
            // messages from a new workspace (or person) raced to create the same rows. Forget our copies.
            if (claim is not null)
            {
                claim.State = EntityState.Detached;
            }

            foreach (var team in store.Teams.Local.Where(t => t.Id == 0).ToList())
            {
                store.Teams.Entry(team).State = EntityState.Detached;
            }

            foreach (var organizer in store.Organizers.Local.Where(o => o.Id == 0).ToList())
            {
                store.Organizers.Entry(organizer).State = EntityState.Detached;
            }

            if (claimKey is not null && await store.ProcessedEvents.AnyAsync(e => e.Key == claimKey, ct))
            {
                return null;
            }

            context = await FindOrAddAsync(inbound, ct);
            if (claimKey is not null)
            {
                store.ProcessedEvents.Add(new ProcessedEvent { Key = claimKey, ReceivedAt = context.Now });
            }

            await store.SaveChangesAsync(ct);
            return context;
        }
    }

    /// <summary>The organizer's id, or null for someone the bot has never heard from. Creates nothing.</summary>
    public Task<int?> FindIdAsync(Address address, CancellationToken ct) =>
        store.Organizers
            .Where(o => o.Team.Platform == address.Platform && o.Team.ExternalId == address.Workspace && o.ExternalUserId == address.User)
            .Select(o => (int?)o.Id)
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// The context of the organizer at <paramref name="address"/> as stored, for reading: creates and changes
    /// nothing, not even when they were last seen. Null for someone the bot has never heard from.
    /// </summary>
    public async Task<ConversationContext?> FindContextAsync(Address address, CancellationToken ct)
    {
        var organizer = await store.Organizers.Include(o => o.Team)
            .SingleOrDefaultAsync(o => o.Team.Platform == address.Platform && o.Team.ExternalId == address.Workspace && o.ExternalUserId == address.User, ct);
        return organizer is null ? null : ContextOf(organizer, address, time.GetUtcNow());
    }

    private async Task<ConversationContext> FindOrAddAsync(Inbound inbound, CancellationToken ct)
    {
        var (address, displayName, platformTimeZone) = (inbound.From, inbound.DisplayName, inbound.TimeZone);
        var now = time.GetUtcNow();
        var organizer = await store.Organizers.Include(o => o.Team)
            .SingleOrDefaultAsync(o => o.Team.Platform == address.Platform && o.Team.ExternalId == address.Workspace && o.ExternalUserId == address.User, ct);
        if (organizer is null)
        {
            var team = await store.Teams.SingleOrDefaultAsync(t => t.Platform == address.Platform && t.ExternalId == address.Workspace, ct);
            if (team is null)
            {
                team = new Team { Platform = address.Platform, ExternalId = address.Workspace, TimeZone = DefaultZone(), CreatedAt = now };
                store.Teams.Add(team);
            }

            organizer = new Organizer { Team = team, ExternalUserId = address.User, DisplayName = displayName, CreatedAt = now };
            store.Organizers.Add(organizer);
        }

        // The platform's name wins when it really changes; a change in case alone ("ben" after "Ben") keeps
        // the spelling first given, which is how the organizer is shown to the team.
        if (!string.IsNullOrWhiteSpace(displayName) && !string.Equals(organizer.DisplayName, displayName, StringComparison.OrdinalIgnoreCase))
        {
            organizer.DisplayName = displayName;
        }

        organizer.LastSeenAt = now;
        if (platformTimeZone is not null && Zones.TryFind(platformTimeZone, out var reported))
        {
            organizer.PlatformTimeZone = reported.Id;
        }

        return ContextOf(organizer, address, now);
    }

    private static ConversationContext ContextOf(Organizer organizer, Address address, DateTimeOffset now) =>
        new(organizer, address, now, Zones.TryFind(organizer.EffectiveTimeZone, out var zone) ? zone : TimeZoneInfo.Utc);

    private string DefaultZone() =>
        !string.IsNullOrWhiteSpace(options.Value.DefaultTimeZone) && Zones.TryFind(options.Value.DefaultTimeZone, out var configured)
            ? configured.Id
            : TimeZoneInfo.Local.HasIanaId ? TimeZoneInfo.Local.Id : "UTC";
}
