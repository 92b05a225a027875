using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Engine;

/// <summary>Turns an inbound's sender into an organizer, creating the team and organizer on first contact.</summary>
public sealed class OrganizerDirectory(IOneOnOneStore store, TimeProvider time, IOptions<EngineOptions> options)
{
    public async Task<ConversationContext> ResolveAsync(Address address, string displayName, string? platformTimeZone, CancellationToken ct)
    {
        try
        {
            return await FindOrCreateAsync(address, displayName, platformTimeZone, ct);
        }
        catch (DbUpdateException)
        {
            // Two first messages from a new workspace (or person) raced to create the same row; the
            // other one won. Forget our copy and use theirs.
            foreach (var team in store.Teams.Local.Where(t => t.Id == 0).ToList())
            {
                store.Teams.Entry(team).State = EntityState.Detached;
            }

            foreach (var organizer in store.Organizers.Local.Where(o => o.Id == 0).ToList())
            {
                store.Organizers.Entry(organizer).State = EntityState.Detached;
            }

            return await FindOrCreateAsync(address, displayName, platformTimeZone, ct);
        }
    }

    private async Task<ConversationContext> FindOrCreateAsync(Address address, string displayName, string? platformTimeZone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var team = await store.Teams.SingleOrDefaultAsync(t => t.Platform == address.Platform && t.ExternalId == address.Workspace, ct);
        if (team is null)
        {
            team = new Team { Platform = address.Platform, ExternalId = address.Workspace, TimeZone = DefaultZone(), CreatedAt = now };
            store.Teams.Add(team);
        }

        var organizer = team.Id == 0
            ? null
            : await store.Organizers.Include(o => o.Team)
                .SingleOrDefaultAsync(o => o.TeamId == team.Id && o.ExternalUserId == address.User, ct);
        if (organizer is null)
        {
            organizer = new Organizer { Team = team, ExternalUserId = address.User, DisplayName = displayName, CreatedAt = now };
            store.Organizers.Add(organizer);
        }

        if (!string.IsNullOrWhiteSpace(displayName) && organizer.DisplayName != displayName)
        {
            organizer.DisplayName = displayName;
        }

        organizer.LastSeenAt = now;
        if (platformTimeZone is not null && Zones.TryFind(platformTimeZone, out var reported))
        {
            organizer.PlatformTimeZone = reported.Id;
        }

        await store.SaveChangesAsync(ct);
        var zone = Zones.TryFind(organizer.EffectiveTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new ConversationContext(organizer, address, now, zone);
    }

    private string DefaultZone() =>
        !string.IsNullOrWhiteSpace(options.Value.DefaultTimeZone) && Zones.TryFind(options.Value.DefaultTimeZone, out var configured)
            ? configured.Id
            : TimeZoneInfo.Local.HasIanaId ? TimeZoneInfo.Local.Id : "UTC";
}
