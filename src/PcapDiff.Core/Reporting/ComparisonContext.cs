using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>What a sentence about one pair may look at besides the pair: the runs' labels and all their flows.</summary>
/// <param name="LeftLabel">What the report calls the left run ("good").</param>
/// <param name="RightLabel">What the report calls the right run ("bad").</param>
/// <param name="LeftFlows">Every flow of the left run.</param>
/// <param name="RightFlows">Every flow of the right run.</param>
internal sealed record ComparisonContext(string LeftLabel, string RightLabel, IReadOnlyList<Flow> LeftFlows, IReadOnlyList<Flow> RightFlows)
{
    /// <summary>The left run's flows, indexed.</summary>
    public RunIndex Left { get; } = new(LeftFlows);

    /// <summary>The right run's flows, indexed.</summary>
    public RunIndex Right { get; } = new(RightFlows);

    /// <summary>A run's label and flows, then the other run's: for a flow of the left run, the left run first.</summary>
    public (string Label, RunIndex Flows, string OtherLabel, RunIndex OtherFlows) Sides(bool left) =>
        left ? (LeftLabel, Left, RightLabel, Right) : (RightLabel, Right, LeftLabel, Left);
}
