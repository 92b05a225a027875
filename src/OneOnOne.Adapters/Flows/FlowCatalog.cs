using OneOnOne.Core.Flows;

namespace OneOnOne.Adapters.Flows;

/// <summary>
/// The engine's flows as data, for drawing them as forms: the questions a DM asks one at a time are what
/// a form shows at once. Which flows are offered as a form is the flow's own say (<see cref="FlowDefinition.OfferAsForm"/>).
/// </summary>
public sealed class FlowCatalog(IEnumerable<FlowDefinition> definitions)
{
    private readonly Dictionary<string, FlowDefinition> _byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public FlowDefinition? Find(string flow) => _byName.GetValueOrDefault(flow);

    public bool IsOfferedAsForm(string flow) => Find(flow) is { OfferAsForm: true };

    /// <summary>Whether a message asking this question should offer the form: only at the start of a flow offered as one.</summary>
    public bool OffersFormAt(string flow, string questionId) =>
        Find(flow) is { OfferAsForm: true, Questions: [var first, ..] } && first.Id == questionId;
}
