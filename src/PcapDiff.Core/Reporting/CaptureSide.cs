using PcapDiff.Core.Decoding;

namespace PcapDiff.Core.Reporting;

/// <summary>One of the two runs as the report describes it.</summary>
/// <param name="Label">What the user calls it ("good", "bad", or their own labels).</param>
/// <param name="Name">The file name (no directory).</param>
/// <param name="Read">What reading the file produced; null for a source that is not a capture file.</param>
/// <param name="Flows">Number of flows.</param>
/// <param name="Warnings">Warnings about this run (damage, skipped frames, caps hit).</param>
public sealed record CaptureSide(string Label, string Name, CaptureReadResult? Read, int Flows, IReadOnlyList<string> Warnings);
