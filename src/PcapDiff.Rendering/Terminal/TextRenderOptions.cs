namespace PcapDiff.Rendering.Terminal;

/// <summary>How the terminal report looks. Width and colour are explicit, never read from the console here.</summary>
/// <param name="Width">Columns available.</param>
/// <param name="Color">Whether to emit ANSI colour.</param>
/// <param name="Context">Equal events shown around each divergent run; longer equal runs are folded.</param>
/// <param name="ShowEqualFlows">List equal flows in the flow table and print their side-by-side, too.</param>
/// <param name="MaxFlowDetails">Flows shown side by side at most (0 for all); the rest are counted.</param>
/// <param name="ShowZeek">Add each flow's Zeek conn_state and history to the flow table.</param>
/// <param name="Brief">Only the verdict line, as <c>diff -q</c> says only whether files differ.</param>
/// <param name="Ascii">ASCII only, for a terminal whose locale is not UTF-8.</param>
public sealed record TextRenderOptions(int Width = 120, bool Color = false, int Context = 3, bool ShowEqualFlows = false, int MaxFlowDetails = 50, bool ShowZeek = false, bool Brief = false, bool Ascii = false)
{
    /// <summary>A width no line reaches: for output that is not a terminal, where lines are as long as they need to be.</summary>
    public const int Unlimited = 100_000;
}
