namespace PcapDiff.CaptureGenerator;

/// <summary>
/// One packet of a simulated flow, as the capture point sees it: when, which way, and the fields
/// that differ per packet. Addresses, ports and payload bytes come from the flow when it is written.
/// </summary>
internal struct SimPacket
{
    /// <summary>Microseconds since the start of the capture.</summary>
    public long Time;

    /// <summary>TCP sequence number; ICMP echo sequence number.</summary>
    public uint Sequence;

    /// <summary>TCP acknowledgment number; ICMP echo identifier.</summary>
    public uint Acknowledgment;

    /// <summary>Payload bytes (TCP segment, UDP datagram, ICMP body after its 8-byte header).</summary>
    public int Length;

    /// <summary>Index of the flow's message the payload comes from, or -1.</summary>
    public int Message;

    /// <summary>Where in that message the payload starts.</summary>
    public int Offset;

    public ushort IpId;

    public ushort Window;

    public byte Flags;

    public byte Options;

    public PacketKind Kind;

    public bool FromClient;
}
