using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;

namespace PcapDiff.Core;

/// <summary>One run handed to <see cref="CaptureComparer"/>: its flows and how it was read.</summary>
/// <param name="Label">What the report calls the run ("good", "bad", …).</param>
/// <param name="Name">The file name shown in the report.</param>
/// <param name="Flows">The run's flows.</param>
/// <param name="Read">What reading the capture produced; null when the run did not come from a capture file.</param>
/// <param name="Warnings">Warnings about the input; by default those of <paramref name="Read"/>.</param>
public sealed record ComparisonInput(string Label, string Name, CaptureFlows Flows, CaptureReadResult? Read, IReadOnlyList<string>? Warnings = null);
