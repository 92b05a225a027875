using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Exports;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary><c>export</c>: the organizer's own people and meetings as a CSV file.</summary>
public sealed class ExportCommand(IOneOnOneStore store) : ICommand
{
    public string Name => "export";

    public CommandHelp Help { get; } = new(15, "export", "A CSV file of your people and 1:1s, for a spreadsheet", "export");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var me = context.Organizer.Id;
        var relationships = await store.Relationships.Include(r => r.Person).Include(r => r.ReferredBy)
            .Where(r => r.OrganizerId == me).ToListAsync(ct);
        var meetings = await store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .Where(m => m.OrganizerId == me).ToListAsync(ct);
        var csv = PeopleCsv.Write(relationships, meetings, context.Zone);
        var date = Zones.ToLocal(context.Now, context.Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Reply.WithText($"Here's your export: {Counted.People(relationships.Count)} and {Counted.OneOnOnes(meetings.Count)}. " +
                              "It includes your private notes, so keep the file safe.")
            .File(new FileBlock($"oneonone-export-{date}.csv", "text/csv", csv, "Your people and 1:1s"));
    }
}
