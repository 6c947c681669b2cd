namespace PcapDiff.Core.Model;

/// <summary>
/// The fields of one decoded IP packet that the pipeline uses. A value type with no references, so
/// reading a capture does not allocate per packet. Lengths come from the IP, TCP and UDP headers,
/// so a capture cut at a small snaplen still counts the bytes that were on the wire.
/// </summary>
internal readonly record struct PacketRecord
{
    /// <summary>1-based number of the frame in its capture file, as Wireshark shows it.</summary>
    public long FrameNumber { get; init; }

    /// <summary>When the packet was captured (UTC); kept for display only.</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>Length of the frame on the wire (the pcap record's original length).</summary>
    public int FrameLength { get; init; }

    /// <summary>IP version, 4 or 6.</summary>
    public byte IpVersion { get; init; }

    /// <summary>Transport protocol.</summary>
    public Transport Protocol { get; init; }

    /// <summary>Sender address and port.</summary>
    public Endpoint Source { get; init; }

    /// <summary>Receiver address and port.</summary>
    public Endpoint Destination { get; init; }

    /// <summary>TCP flags (TCP only).</summary>
    public TcpFlags Flags { get; init; }

    /// <summary>TCP sequence number (TCP only).</summary>
    public uint Sequence { get; init; }

    /// <summary>TCP acknowledgment number (TCP only; meaningful when <see cref="TcpFlags.Ack"/> is set).</summary>
    public uint Acknowledgment { get; init; }

    /// <summary>TCP window field, unscaled (TCP only).</summary>
    public ushort Window { get; init; }

    /// <summary>Transport payload length from the headers: TCP segment length, UDP payload length, ICMP body.</summary>
    public int PayloadLength { get; init; }

    /// <summary>ICMP type (ICMP and ICMPv6 only).</summary>
    public byte IcmpType { get; init; }

    /// <summary>ICMP code (ICMP and ICMPv6 only).</summary>
    public byte IcmpCode { get; init; }

    /// <summary>ICMP echo identifier (echo request and reply only).</summary>
    public ushort IcmpIdentifier { get; init; }

    /// <summary>The header an ICMP error quotes, when it quotes one that could be read.</summary>
    public QuotedHeader? Quoted { get; init; }

    /// <summary>True when this is a non-first IP fragment (no transport header of its own).</summary>
    public bool IsFragment { get; init; }
}
