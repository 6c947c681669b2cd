using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;

namespace PcapDiff.Capture;

/// <summary>A capture file read into flows.</summary>
/// <param name="Read">What reading the file produced (format, counts, warnings).</param>
/// <param name="Flows">The flows.</param>
public sealed record LoadedCapture(CaptureReadResult Read, CaptureFlows Flows);
