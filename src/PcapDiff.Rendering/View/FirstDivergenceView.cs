namespace PcapDiff.Rendering.View;

/// <summary>Where the runs first part, as the header states it.</summary>
/// <param name="Pair">Index of the pair in the report.</param>
/// <param name="Row">Index of the divergent row in the pair's alignment.</param>
/// <param name="Title">The flow and both frames: <c>TCP collector.test:8514 at good #5 / bad #5</c>.</param>
/// <param name="Description">The divergence in one or two sentences.</param>
/// <param name="LeftFrame">The first run's frame, if it has one there.</param>
/// <param name="RightFrame">The second run's frame, if it has one there.</param>
public sealed record FirstDivergenceView(int Pair, int Row, string Title, string Description, long? LeftFrame, long? RightFrame);
