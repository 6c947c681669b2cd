namespace PcapDiff.Rendering.View;

/// <summary>A hint as shown under its flow.</summary>
/// <param name="Id">The hint's id (docs/hints.md).</param>
/// <param name="Title">What the pattern is, in one line.</param>
/// <param name="Explanation">What it means and what to check.</param>
/// <param name="Evidence">The line naming the frames that show it (<c>Evidence (bad): …</c>), or null.</param>
public sealed record HintView(string Id, string Title, string Explanation, string? Evidence);
