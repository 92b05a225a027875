using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Commands;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Engine;

/// <summary>
/// Answers <see cref="IConversationViews"/> from storage. A singleton, as the adapters that ask are: each
/// question gets a DI scope (and so a database context) of its own.
/// </summary>
public sealed class ConversationViews(IServiceScopeFactory scopes) : IConversationViews
{
    private const string Welcome =
        "I help you prepare, hold and follow up your 1:1s. Start with someone you'd like to meet: " +
        "`list add Maria Lopez met at the kickoff`. `help` shows everything I can do.";

    private readonly Lazy<IReadOnlyList<FlowDefinition>> _flows = new(() =>
    {
        // Flows are scoped (they complete against the store); their definitions are plain data, the same in every scope.
        using var scope = scopes.CreateScope();
        return [.. scope.ServiceProvider.GetServices<IFlow>().Select(f => f.Definition)];
    });

    public IReadOnlyList<FlowDefinition> Flows => _flows.Value;

    public async Task<FormView?> DescribeFormAsync(Address asker, int flowRunId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOneOnOneStore>();
        var run = await (
                from r in store.FlowRuns
                join o in store.Organizers on r.OrganizerId equals o.Id
                where r.Id == flowRunId && r.Status == FlowStatus.Active
                      && o.Team.Platform == asker.Platform && o.Team.ExternalId == asker.Workspace && o.ExternalUserId == asker.User
                select new { r.Flow, PersonName = store.People.Where(p => p.Id == r.PersonId).Select(p => p.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return run is not null && Flows.FirstOrDefault(f => f.Name == run.Flow) is { } flow ? new FormView(flow, run.PersonName) : null;
    }

    public async Task<string?> FindHomeWorkspaceAsync(string platform, string user, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Organizers
            .Where(o => o.Team.Platform == platform && o.ExternalUserId == user)
            .OrderByDescending(o => o.LastSeenAt)
            .Select(o => o.Team.ExternalId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<HomeView> DescribeHomeAsync(Address organizer, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<OrganizerDirectory>().FindContextAsync(organizer, cancellationToken) is not { } context)
        {
            return new HomeView([new HeaderBlock("Welcome"), new TextBlock(Welcome)], []);
        }

        // The commands' own answers, so the home page never tells a different story from `status` and `people`.
        var status = await services.GetRequiredService<StatusCommand>().ExecuteAsync(context, string.Empty, cancellationToken);
        var people = await services.GetRequiredService<PeopleCommand>().ExecuteAsync(context, string.Empty, cancellationToken);
        return new HomeView(status.Blocks, people.Blocks);
    }
}
