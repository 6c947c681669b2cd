namespace PcapDiff.Core.Reporting;

/// <summary>The first point where a pair of flows stops matching.</summary>
/// <param name="Row">Index of the first non-equal row.</param>
/// <param name="Description">What happened, in plain words.</param>
/// <param name="LeftFrame">The frame in the left capture where it happens (or the last matching one before it).</param>
/// <param name="RightFrame">The frame in the right capture where it happens (or the last matching one before it).</param>
public sealed record Divergence(int Row, string Description, long? LeftFrame, long? RightFrame);
