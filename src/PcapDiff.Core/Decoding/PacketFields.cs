using PcapDiff.Core.Model;

namespace PcapDiff.Core.Decoding;

/// <summary>
/// The fields the decoding stages fill in, layer by layer, before <see cref="PacketDecoder"/> turns
/// them into one <see cref="PacketRecord"/>. Mutable and passed by reference so a packet is decoded
/// without copying the record at every layer.
/// </summary>
internal struct PacketFields
{
    public byte IpVersion;
    public Transport Protocol;
    public IpAddress SourceAddress;
    public IpAddress DestinationAddress;
    public ushort SourcePort;
    public ushort DestinationPort;
    public TcpFlags Flags;
    public uint Sequence;
    public uint Acknowledgment;
    public ushort Window;
    public int PayloadLength;
    public byte IcmpType;
    public byte IcmpCode;
    public ushort IcmpIdentifier;
    public QuotedHeader? Quoted;
    public bool IsFragment;
}
