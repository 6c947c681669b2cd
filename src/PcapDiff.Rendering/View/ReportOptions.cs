namespace PcapDiff.Rendering.View;

/// <summary>What a report shows, the same in every output format: the command line's --context, --all, --max-flows and --zeek.</summary>
/// <param name="Context">Equal events shown around each difference; longer equal runs are folded.</param>
/// <param name="ShowEqualFlows">List equal flows in the flow table and show their side-by-side, too.</param>
/// <param name="MaxFlowDetails">Flows shown side by side at most (0 for all); the rest are counted.</param>
/// <param name="ShowZeek">Add each flow's Zeek conn_state and history to the flow table.</param>
public sealed record ReportOptions(int Context = 3, bool ShowEqualFlows = false, int MaxFlowDetails = 50, bool ShowZeek = false);
