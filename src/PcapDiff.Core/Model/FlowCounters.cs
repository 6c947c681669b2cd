namespace PcapDiff.Core.Model;

/// <summary>What one direction of a flow carried, counted the way Wireshark's Conversations window counts.</summary>
/// <param name="Packets">Packets sent in this direction.</param>
/// <param name="FrameBytes">Frame bytes on the wire (the capture record's original length).</param>
/// <param name="PayloadBytes">Transport payload bytes from the headers (retransmissions included).</param>
/// <param name="Syns">TCP packets with SYN set.</param>
/// <param name="Fins">TCP packets with FIN set.</param>
/// <param name="Resets">TCP packets with RST set.</param>
/// <param name="Retransmissions">TCP packets that repeated data, a SYN or a FIN already sent.</param>
public readonly record struct FlowCounters(
    long Packets,
    long FrameBytes,
    long PayloadBytes,
    long Syns = 0,
    long Fins = 0,
    long Resets = 0,
    long Retransmissions = 0);
