namespace PcapDiff.CaptureGenerator;

/// <summary>What one capture of a generated pair holds.</summary>
/// <param name="Path">The file.</param>
/// <param name="Packets">Frames written.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Flows">Flows with at least one packet in the file.</param>
/// <param name="TcpFlows">Of those, TCP flows.</param>
/// <param name="FailedFlows">TCP flows made to fail (bad capture only).</param>
/// <param name="Duration">Time from the first to the last packet.</param>
/// <param name="PeakOpenFlows">Most flows open (first packet written, last not yet) at one time.</param>
public sealed record GenerationResult(string Path, long Packets, long Bytes, long Flows, long TcpFlows, long FailedFlows, TimeSpan Duration, int PeakOpenFlows);
