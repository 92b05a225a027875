using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;

namespace OneOnOne.Discord.Forms;

/// <summary>
/// The engine's flow definitions, read once. Flows are scoped services (their completion uses the
/// database) but their definitions are plain data, the same for every scope.
/// </summary>
internal sealed class FlowCatalog(IServiceScopeFactory scopes)
{
    /// <summary>The flows offered as a Discord form as well as one question at a time.</summary>
    public static readonly IReadOnlySet<string> FormFlows = new HashSet<string>(StringComparer.Ordinal) { PrepFlow.Name, ReflectionFlow.Name };

    private readonly Lazy<IReadOnlyDictionary<string, FlowDefinition>> _definitions = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetServices<IFlow>().ToDictionary(f => f.Definition.Name, f => f.Definition, StringComparer.Ordinal);
    });

    public FlowDefinition? Find(string flow) => _definitions.Value.GetValueOrDefault(flow);

    /// <summary>True for the first question of a flow that can be answered as a form: where the form is offered.</summary>
    public bool OffersFormAt(string flow, string questionId) =>
        FormFlows.Contains(flow) && Find(flow)?.Questions is [var first, ..] && first.Id == questionId;
}
