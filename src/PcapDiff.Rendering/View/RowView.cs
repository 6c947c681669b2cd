namespace PcapDiff.Rendering.View;

/// <summary>One aligned row as shown: its marker, both runs' frames and events.</summary>
/// <param name="Index">Index of the row in the pair's alignment.</param>
/// <param name="Kind">How the row is marked.</param>
/// <param name="Marker">The marker: <c>≠</c>, <c>&lt;</c>, <c>&gt;</c>, <c>~</c>, or empty for an equal row.</param>
/// <param name="IsFirstDivergence">Whether the pair's divergence is at this row (▶).</param>
/// <param name="LeftFrames">The first run's frames: <c>5</c> or <c>5-9</c>, empty when it has no event here.</param>
/// <param name="LeftEvent">The first run's event with its annotations, or empty.</param>
/// <param name="RightFrames">The second run's frames, or empty.</param>
/// <param name="RightEvent">The second run's event with its annotations, or empty.</param>
public sealed record RowView(int Index, RowKind Kind, string Marker, bool IsFirstDivergence, string LeftFrames, string LeftEvent, string RightFrames, string RightEvent);
