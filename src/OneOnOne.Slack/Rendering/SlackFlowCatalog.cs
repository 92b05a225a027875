using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;

namespace OneOnOne.Slack.Rendering;

/// <summary>
/// The engine's flow definitions, read once. Flows are data, so the same definitions the DM asks one
/// question at a time are what a modal shows all at once.
/// </summary>
public sealed class SlackFlowCatalog
{
    /// <summary>The flows offered as a modal: the long, reflective ones. The quick button-driven outcome flow stays in the DM.</summary>
    public static readonly IReadOnlySet<string> FormFlows = new HashSet<string>(StringComparer.Ordinal) { PrepFlow.Name, ReflectionFlow.Name };

    private readonly Lazy<IReadOnlyDictionary<string, FlowDefinition>> _definitions;

    public SlackFlowCatalog(IServiceScopeFactory scopes)
    {
        _definitions = new Lazy<IReadOnlyDictionary<string, FlowDefinition>>(() =>
        {
            // Flows are scoped (they complete against the store); their definitions are plain data.
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetServices<IFlow>().ToDictionary(f => f.Definition.Name, f => f.Definition, StringComparer.Ordinal);
        });
    }

    public SlackFlowCatalog(IEnumerable<FlowDefinition> definitions)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _definitions = new Lazy<IReadOnlyDictionary<string, FlowDefinition>>(() => byName);
    }

    public FlowDefinition? Find(string flow) => _definitions.Value.GetValueOrDefault(flow);

    /// <summary>Whether a message asking this question should offer "Answer in a form": only at the start of a form flow.</summary>
    public bool OffersForm(string flow, string questionId) =>
        FormFlows.Contains(flow) && Find(flow) is { Questions: [var first, ..] } && first.Id == questionId;
}
