namespace PcapDiff.Core.Model;

/// <summary>Packets and bytes of one direction of a flow.</summary>
/// <param name="Packets">Packets sent in this direction.</param>
/// <param name="FrameBytes">Frame bytes on the wire, as Wireshark's Conversations window counts them.</param>
/// <param name="PayloadBytes">Transport payload bytes from the headers (retransmissions included).</param>
public readonly record struct FlowCounters(long Packets, long FrameBytes, long PayloadBytes);
