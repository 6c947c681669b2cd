using System.Runtime.InteropServices;

namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>
/// What the tracker made of one TCP packet, part by part in the order they apply (reset, SYN,
/// acknowledgment, data, FIN), for the stages after it. A value the tracker reuses for each packet.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct TcpVerdict
{
    /// <summary>The packet is a RST; nothing but its acknowledgment counts besides.</summary>
    public bool Reset { get; set; }

    /// <summary>The packet acknowledges the peer's bytes before its acknowledgment number (a RST's ACK too, a keep-alive's never).</summary>
    public bool Acknowledges { get; set; }

    public TcpNovelty Syn { get; set; }

    public TcpAckRole Ack { get; set; }

    public TcpNovelty Data { get; set; }

    /// <summary>The sequence number the packet's payload starts at.</summary>
    public uint DataSequence { get; set; }

    /// <summary>For new data: where the side's stream stood before the packet, where a data event of its own starts.</summary>
    public uint StreamPosition { get; set; }

    /// <summary>For new data: one past the side's highest sequence number once the packet's data is in.</summary>
    public uint DataEnd { get; set; }

    /// <summary>For new data: the bytes not sent before.</summary>
    public long NewBytes { get; set; }

    /// <summary>For new data: where its new bytes start in the payload; -1 when they come after a gap.</summary>
    public int NewFrom { get; set; }

    /// <summary>For new data: it is the side's first and starts on the SYN's own sequence number, one too early.</summary>
    public bool DataOnSyn { get; set; }

    /// <summary>The payload repeated bytes already sent, in part or in whole.</summary>
    public bool Retransmitted { get; set; }

    public TcpNovelty Fin { get; set; }
}
