namespace PcapDiff.Rendering.View;

/// <summary>What the statistics show: the runs' labels and the rows per table.</summary>
/// <param name="LeftLabel">What the first capture is called (--good-label).</param>
/// <param name="RightLabel">What the second capture is called (--bad-label).</param>
/// <param name="Top">Rows per table at most (0 for all); the rest are counted.</param>
public sealed record StatsOptions(string LeftLabel = "good", string RightLabel = "bad", int Top = 50);
