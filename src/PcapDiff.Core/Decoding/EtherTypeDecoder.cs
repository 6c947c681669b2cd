using System.Buffers.Binary;

namespace PcapDiff.Core.Decoding;

/// <summary>
/// Follows an EtherType, or what stands in for one (an 802.3 length field before LLC/SNAP, a PPP
/// protocol number), through VLAN tags, SNAP headers, PPPoE sessions and MPLS label stacks to the IP
/// header. Shared by every link layer that ends in an EtherType.
/// </summary>
internal static class EtherTypeDecoder
{
    public const ushort IPv4 = 0x0800;
    public const ushort IPv6 = 0x86DD;
    public const ushort Vlan = 0x8100;
    public const ushort QinQ = 0x88A8;
    public const ushort QinQOld = 0x9100;
    public const ushort MplsUnicast = 0x8847;
    public const ushort MplsMulticast = 0x8848;
    public const ushort PppoeSession = 0x8864;

    /// <summary>The largest 802.3 length field: a value up to this is a length, and LLC follows.</summary>
    public const ushort MaxLengthField = 1500;

    private const int VlanTagLength = 4;
    private const int SnapHeaderLength = 8; // DSAP AA, SSAP AA, control 03 (UI), OUI, EtherType
    private const int PppoeHeaderLength = 6; // version/type, code, session id, length
    private const int MplsLabelLength = 4;

    // PPP protocol numbers (RFC 1661, 1332, 5072, 3032).
    private const ushort PppIPv4 = 0x0021;
    private const ushort PppIPv6 = 0x0057;
    private const ushort PppMplsUnicast = 0x0281;
    private const ushort PppMplsMulticast = 0x0283;

    /// <summary>
    /// Follows <paramref name="etherType"/>, whose header starts at <paramref name="offset"/>, to the IP
    /// header. A value up to <see cref="MaxLengthField"/> is an 802.3 length, so an LLC header follows.
    /// </summary>
    public static DecodeOutcome Follow(ReadOnlySpan<byte> frame, ushort etherType, int offset, ref IpLocation ip)
    {
        // Each pass that does not return consumes at least 4 bytes, so the loop ends with the frame
        // (and stacked headers cost no stack, whatever the bytes).
        while (true)
        {
            int remaining = frame.Length - offset;
            switch (etherType)
            {
                case IPv4:
                    ip.StartAt(offset, 4);
                    return DecodeOutcome.Decoded;

                case IPv6:
                    ip.StartAt(offset, 6);
                    return DecodeOutcome.Decoded;

                case Vlan or QinQ or QinQOld:
                    // 2 bytes of tag control, then the next EtherType.
                    if (remaining < VlanTagLength)
                    {
                        return DecodeOutcome.Truncated;
                    }

                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
                    offset += VlanTagLength;
                    break;

                case PppoeSession:
                    if (remaining < PppoeHeaderLength)
                    {
                        return DecodeOutcome.Truncated;
                    }

                    // Version 1, type 1, code 0 (session data); anything else is not a data packet.
                    if (frame[offset] != 0x11 || frame[offset + 1] != 0)
                    {
                        return DecodeOutcome.NotIp;
                    }

                    // The length of the PPP frame bounds the packet: Ethernet may pad after it. A
                    // length of 0 says nothing (as an IPv4 total length of 0 after segmentation offload).
                    int pppLength = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 4)..]);
                    offset += PppoeHeaderLength;
                    if (pppLength != 0)
                    {
                        ip.EndBy(offset + pppLength);
                    }

                    DecodeOutcome ppp = ReadPppProtocol(frame, ref offset, out etherType);
                    if (ppp != DecodeOutcome.Decoded)
                    {
                        return ppp;
                    }

                    break;

                case MplsUnicast or MplsMulticast:
                    return FromMplsLabels(frame, offset, ref ip);

                case <= MaxLengthField:
                    // 802.3 with LLC: only SNAP (AA AA 03) carries an EtherType, after an OUI of
                    // 00-00-00 (RFC 1042) or 00-00-F8 (802.1H bridge tunnel).
                    if (remaining < 3)
                    {
                        return DecodeOutcome.Truncated;
                    }

                    if (frame[offset] != 0xAA || frame[offset + 1] != 0xAA || frame[offset + 2] != 0x03)
                    {
                        return DecodeOutcome.NotIp;
                    }

                    if (remaining < SnapHeaderLength)
                    {
                        return DecodeOutcome.Truncated;
                    }

                    if (frame[offset + 3] != 0 || frame[offset + 4] != 0 || frame[offset + 5] is not (0x00 or 0xF8))
                    {
                        return DecodeOutcome.NotIp;
                    }

                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 6)..]);
                    offset += SnapHeaderLength;
                    break;

                default:
                    return DecodeOutcome.NotIp;
            }
        }
    }

    /// <summary>Follows the LLC header at <paramref name="offset"/> (IP only when it is SNAP) to the IP header.</summary>
    public static DecodeOutcome FollowLlc(ReadOnlySpan<byte> frame, int offset, ref IpLocation ip) =>
        Follow(frame, 0, offset, ref ip); // any 802.3 length means "LLC follows"

    /// <summary>
    /// Reads a PPP protocol field at <paramref name="offset"/>: 2 bytes, or 1 when protocol field
    /// compression left out a leading zero byte (protocol numbers are odd, first bytes even). Gives
    /// the EtherType of the same protocol for IPv4, IPv6 and MPLS, and NotIp for the rest (LCP, IPCP,
    /// Van Jacobson compressed TCP, …).
    /// </summary>
    public static DecodeOutcome ReadPppProtocol(ReadOnlySpan<byte> frame, ref int offset, out ushort etherType)
    {
        etherType = 0;
        int remaining = frame.Length - offset;
        if (remaining < 1)
        {
            return DecodeOutcome.Truncated;
        }

        ushort protocol;
        if ((frame[offset] & 1) != 0)
        {
            protocol = frame[offset];
            offset += 1;
        }
        else
        {
            if (remaining < 2)
            {
                return DecodeOutcome.Truncated;
            }

            protocol = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
            offset += 2;
        }

        etherType = protocol switch
        {
            PppIPv4 => IPv4,
            PppIPv6 => IPv6,
            PppMplsUnicast => MplsUnicast,
            PppMplsMulticast => MplsMulticast,
            _ => 0,
        };
        return etherType == 0 ? DecodeOutcome.NotIp : DecodeOutcome.Decoded;
    }

    /// <summary>
    /// Walks MPLS labels to the one with the bottom-of-stack bit. MPLS does not say what it carries,
    /// so IPv4 or IPv6 is guessed from the version nibble, as Wireshark and tcpdump do; a pseudowire
    /// (control word, Ethernet) or OAM payload is NotIp.
    /// </summary>
    private static DecodeOutcome FromMplsLabels(ReadOnlySpan<byte> frame, int offset, ref IpLocation ip)
    {
        bool bottom = false;
        while (!bottom)
        {
            if (frame.Length - offset < MplsLabelLength)
            {
                return DecodeOutcome.Truncated;
            }

            bottom = (frame[offset + 2] & 1) != 0;
            offset += MplsLabelLength;
        }

        if (offset >= frame.Length)
        {
            return DecodeOutcome.Truncated;
        }

        int version = frame[offset] >> 4;
        if (version is not (4 or 6))
        {
            return DecodeOutcome.NotIp;
        }

        ip.StartAt(offset, version);
        return DecodeOutcome.Decoded;
    }
}
