using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering.View;

/// <summary>One row of the flow table.</summary>
/// <param name="Pair">Index of the pair in the report.</param>
/// <param name="Status">The pair's status.</param>
/// <param name="StatusText">The status as the table says it: <c>DIVERGES</c>, <c>equal, hint</c>, <c>only good</c>.</param>
/// <param name="Service">The service, both runs' where they differ.</param>
/// <param name="LeftVolume">The first run's packets and bytes, or a dash.</param>
/// <param name="RightVolume">The second run's packets and bytes, or a dash.</param>
/// <param name="Zeek">Both runs' Zeek conn_state and history (<c>SF ShADadfF / S0 S</c>) when the table has that column, else null.</param>
/// <param name="HasSection">Whether the pair is shown side by side further down.</param>
public sealed record FlowTableRow(int Pair, PairStatus Status, string StatusText, string Service, string LeftVolume, string RightVolume, string? Zeek, bool HasSection)
{
    /// <summary>Whether an equal pair still has a hint.</summary>
    public bool HasHints { get; init; }
}
