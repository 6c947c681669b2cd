namespace PcapDiff.Core.Reporting;

/// <summary>A known failure pattern recognised in a flow, and what usually causes it.</summary>
/// <param name="Id">Stable identifier, e.g. <c>client-rst-after-syn-ack</c>.</param>
/// <param name="Title">One line naming the pattern.</param>
/// <param name="Explanation">What usually causes it and what to do.</param>
/// <param name="Frames">The frames of the evidence, in the capture the hint is about.</param>
public sealed record Hint(string Id, string Title, string Explanation, IReadOnlyList<long> Frames);
