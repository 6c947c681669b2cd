using System.Buffers.Binary;

namespace PcapDiff.Core.Decoding;

/// <summary>Finds where the IP header starts in a frame of a given link type.</summary>
internal static class LinkLayerDecoder
{
    private const int EthernetHeaderLength = 14;
    private const int SllHeaderLength = 16;
    private const int Sll2HeaderLength = 20;
    private const int NullHeaderLength = 4;

    private const ushort EtherTypeIPv4 = 0x0800;
    private const ushort EtherTypeIPv6 = 0x86DD;
    private const ushort EtherTypeVlan = 0x8100;
    private const ushort EtherTypeQinQ = 0x88A8;
    private const ushort EtherTypeQinQOld = 0x9100;

    // BSD address families: AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD),
    // 30 (macOS). Linux's 10 never appears in a NULL/LOOP capture.
    private const uint FamilyInet = 2;

    /// <summary>
    /// Locates the IP header. <paramref name="ipVersion"/> is 4 or 6 when the link layer says which,
    /// 0 when the IP header's own version nibble has to tell.
    /// </summary>
    public static DecodeOutcome Locate(LinkType linkType, ReadOnlySpan<byte> frame, out int ipOffset, out int ipVersion)
    {
        ipOffset = 0;
        ipVersion = 0;
        switch (linkType)
        {
            case LinkType.Ethernet:
                return frame.Length < EthernetHeaderLength
                    ? DecodeOutcome.Truncated
                    : FromEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[12..]), EthernetHeaderLength, out ipOffset, out ipVersion);

            case LinkType.LinuxSll:
                return frame.Length < SllHeaderLength
                    ? DecodeOutcome.Truncated
                    : FromEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), SllHeaderLength, out ipOffset, out ipVersion);

            case LinkType.LinuxSll2:
                return frame.Length < Sll2HeaderLength
                    ? DecodeOutcome.Truncated
                    : FromEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), Sll2HeaderLength, out ipOffset, out ipVersion);

            case LinkType.Null:
                if (frame.Length < NullHeaderLength)
                {
                    return DecodeOutcome.Truncated;
                }

                // Host byte order of whichever machine captured: try both.
                ipOffset = NullHeaderLength;
                ipVersion = FromAddressFamily(BinaryPrimitives.ReadUInt32LittleEndian(frame));
                if (ipVersion == 0)
                {
                    ipVersion = FromAddressFamily(BinaryPrimitives.ReadUInt32BigEndian(frame));
                }

                return ipVersion == 0 ? DecodeOutcome.NotIp : DecodeOutcome.Decoded;

            case LinkType.Loop:
                if (frame.Length < NullHeaderLength)
                {
                    return DecodeOutcome.Truncated;
                }

                ipOffset = NullHeaderLength;
                ipVersion = FromAddressFamily(BinaryPrimitives.ReadUInt32BigEndian(frame));
                return ipVersion == 0 ? DecodeOutcome.NotIp : DecodeOutcome.Decoded;

            case LinkType.Raw:
            case LinkType.RawOpenBsd:
            case LinkType.RawLinkType:
                return DecodeOutcome.Decoded;

            case LinkType.IPv4:
                ipVersion = 4;
                return DecodeOutcome.Decoded;

            case LinkType.IPv6:
                ipVersion = 6;
                return DecodeOutcome.Decoded;

            default:
                return DecodeOutcome.UnsupportedLinkType;
        }
    }

    private static DecodeOutcome FromEtherType(ReadOnlySpan<byte> frame, ushort etherType, int offset, out int ipOffset, out int ipVersion)
    {
        ipOffset = 0;
        ipVersion = 0;

        // Any number of VLAN tags: 2 bytes of tag control, then the next EtherType. Each pass
        // consumes 4 bytes, so the loop ends with the frame.
        while (etherType is EtherTypeVlan or EtherTypeQinQ or EtherTypeQinQOld)
        {
            if (frame.Length - offset < 4)
            {
                return DecodeOutcome.Truncated;
            }

            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += 4;
        }

        switch (etherType)
        {
            case EtherTypeIPv4:
                ipOffset = offset;
                ipVersion = 4;
                return DecodeOutcome.Decoded;
            case EtherTypeIPv6:
                ipOffset = offset;
                ipVersion = 6;
                return DecodeOutcome.Decoded;
            default:
                return DecodeOutcome.NotIp;
        }
    }

    private static int FromAddressFamily(uint family) => family switch
    {
        FamilyInet => 4,
        24 or 28 or 30 => 6,
        _ => 0,
    };
}
