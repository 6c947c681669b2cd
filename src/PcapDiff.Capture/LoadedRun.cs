using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;

namespace PcapDiff.Capture;

/// <summary>One run, from a capture or a <c>.flows</c> file.</summary>
/// <param name="Read">How the capture was read; null for a <c>.flows</c> file.</param>
/// <param name="Flows">The run's flows.</param>
/// <param name="Warnings">One-line warnings about the input.</param>
public sealed record LoadedRun(CaptureReadResult? Read, CaptureFlows Flows, IReadOnlyList<string> Warnings);
