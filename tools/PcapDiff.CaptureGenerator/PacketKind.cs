namespace PcapDiff.CaptureGenerator;

/// <summary>What a simulated packet is on the wire.</summary>
internal enum PacketKind : byte
{
    Tcp,
    Udp,
    IcmpEcho,
    IcmpPortUnreachable,
}
