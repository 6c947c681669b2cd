using System.Buffers.Binary;

namespace PcapDiff.Core.Decoding;

/// <summary>
/// Finds the IP packet in a Linux netfilter log message (DLT_NFLOG): a 4-byte header (address
/// family, version, resource id), then type-length-value attributes, one of which holds the packet.
/// </summary>
internal static class NflogDecoder
{
    private const int HeaderLength = 4;
    private const int AttributeHeaderLength = 4;
    private const int AttributePayload = 9; // NFULA_PAYLOAD
    private const int AttributeTypeMask = 0x3FFF; // without netlink's nested and byte-order flags
    private const byte FamilyInet = 2; // Linux AF_INET
    private const byte FamilyInet6 = 10; // Linux AF_INET6

    /// <summary>
    /// Locates the payload attribute. Its length bounds the IP packet, since other attributes may
    /// follow it.
    /// </summary>
    public static DecodeOutcome Locate(ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        int wireLength = ip.End;
        if (frame.Length < HeaderLength)
        {
            return DecodeOutcome.Truncated;
        }

        int version = frame[0] switch
        {
            FamilyInet => 4,
            FamilyInet6 => 6,
            _ => 0,
        };
        if (version == 0 || frame[1] != 0)
        {
            return DecodeOutcome.NotIp; // another family (bridge, ARP) or an unknown NFLOG version
        }

        // Each attribute moves the offset on by at least 4 bytes, so the walk ends with the frame.
        int offset = HeaderLength;
        while (frame.Length - offset >= AttributeHeaderLength)
        {
            int length = ReadHostOrder(frame[offset..]);
            int type = ReadHostOrder(frame[(offset + 2)..]) & AttributeTypeMask;
            if (length < AttributeHeaderLength || length > wireLength - offset)
            {
                return DecodeOutcome.Malformed;
            }

            if (type == AttributePayload)
            {
                ip.StartAt(offset + AttributeHeaderLength, version);
                ip.EndBy(offset + length);
                return DecodeOutcome.Decoded;
            }

            offset += (length + 3) & ~3; // attributes are padded to 4 bytes
        }

        // Every attribute was read and none held a packet, or the capture cut them off.
        return offset >= wireLength ? DecodeOutcome.NotIp : DecodeOutcome.Truncated;
    }

    /// <summary>
    /// Attribute lengths and types are in the byte order of the host that captured; libpcap turns
    /// them into the byte order of the host that reads the file.
    /// </summary>
    private static ushort ReadHostOrder(ReadOnlySpan<byte> bytes) =>
        BitConverter.IsLittleEndian
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes)
            : BinaryPrimitives.ReadUInt16BigEndian(bytes);
}
