namespace PcapDiff.Rendering.View;

/// <summary>A Wireshark display filter for one run.</summary>
/// <param name="Label">The run's label.</param>
/// <param name="Filter">The filter.</param>
public sealed record WiresharkFilter(string Label, string Filter);
