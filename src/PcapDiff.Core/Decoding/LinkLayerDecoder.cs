using System.Buffers.Binary;

namespace PcapDiff.Core.Decoding;

/// <summary>Finds where the IP header starts, and where the IP packet ends, in a frame of a given link type.</summary>
internal static class LinkLayerDecoder
{
    private const int EthernetHeaderLength = 14;
    private const int SllHeaderLength = 16;
    private const int Sll2HeaderLength = 20;
    private const int NullHeaderLength = 4;
    private const int SlipHeaderLength = 16; // SLIP_HDRLEN: direction, then the (compressed) link header
    private const int IpNetHeaderLength = 24;

    // SLL's protocol is an EtherType except below 0x0600, where it names a Linux ETH_P_ value;
    // ETH_P_802_2 means an LLC header follows.
    private const ushort SllLlc = 0x0004;

    // BSD address families: AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD),
    // 30 (macOS). Linux's 10 never appears in a NULL/LOOP capture.
    private const uint FamilyInet = 2;

    // Solaris address families in the ipnet header.
    private const byte IpNetFamilyInet = 2;
    private const byte IpNetFamilyInet6 = 26;

    /// <summary>
    /// Locates the IP packet in a frame of <paramref name="wireLength"/> bytes on the wire. When
    /// Decoded, the packet starts at most at the captured length and ends between its start and the
    /// wire length; Malformed when a link layer's length or trailer leaves no room for it.
    /// </summary>
    public static DecodeOutcome Locate(LinkType linkType, ReadOnlySpan<byte> frame, int wireLength, out IpLocation ip)
    {
        ip = new IpLocation { End = wireLength };
        DecodeOutcome outcome = LocateIn(linkType, frame, ref ip);
        if (outcome == DecodeOutcome.Decoded)
        {
            if (ip.Offset > frame.Length)
            {
                return DecodeOutcome.Truncated;
            }

            if (ip.End < ip.Offset)
            {
                return DecodeOutcome.Malformed; // a link-layer length that ends before the packet starts
            }

            ip.End = Math.Min(ip.End, wireLength);
        }

        return outcome;
    }

    private static DecodeOutcome LocateIn(LinkType linkType, ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        switch (linkType)
        {
            case LinkType.Ethernet:
                return frame.Length < EthernetHeaderLength
                    ? DecodeOutcome.Truncated
                    : EtherTypeDecoder.Follow(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[12..]), EthernetHeaderLength, ref ip);

            case LinkType.LinuxSll:
                return frame.Length < SllHeaderLength
                    ? DecodeOutcome.Truncated
                    : FromSllProtocol(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), SllHeaderLength, ref ip);

            case LinkType.LinuxSll2:
                return frame.Length < Sll2HeaderLength
                    ? DecodeOutcome.Truncated
                    : FromSllProtocol(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), Sll2HeaderLength, ref ip);

            case LinkType.Null:
                if (frame.Length < NullHeaderLength)
                {
                    return DecodeOutcome.Truncated;
                }

                // Host byte order of whichever machine captured: try both.
                int version = FromAddressFamily(BinaryPrimitives.ReadUInt32LittleEndian(frame));
                if (version == 0)
                {
                    version = FromAddressFamily(BinaryPrimitives.ReadUInt32BigEndian(frame));
                }

                return Start(ref ip, NullHeaderLength, version);

            case LinkType.Loop:
                if (frame.Length < NullHeaderLength)
                {
                    return DecodeOutcome.Truncated;
                }

                return Start(ref ip, NullHeaderLength, FromAddressFamily(BinaryPrimitives.ReadUInt32BigEndian(frame)));

            case LinkType.Raw:
            case LinkType.RawOpenBsd:
            case LinkType.RawLinkType:
                return DecodeOutcome.Decoded;

            case LinkType.IPv4:
                ip.StartAt(0, 4);
                return DecodeOutcome.Decoded;

            case LinkType.IPv6:
                ip.StartAt(0, 6);
                return DecodeOutcome.Decoded;

            case LinkType.Slip:
                // The pseudo-header carries the compressed header as sent; the packet after it is whole.
                if (frame.Length < SlipHeaderLength)
                {
                    return DecodeOutcome.Truncated;
                }

                ip.StartAt(SlipHeaderLength, 0);
                return DecodeOutcome.Decoded;

            case LinkType.Ppp:
                return SerialLinkDecoder.FromPpp(frame, ciscoHdlc: false, ref ip);

            case LinkType.PppSerial:
                return SerialLinkDecoder.FromPpp(frame, ciscoHdlc: true, ref ip);

            case LinkType.CiscoHdlc:
                return SerialLinkDecoder.FromCiscoHdlc(frame, ref ip);

            case LinkType.FrameRelay:
                return SerialLinkDecoder.FromFrameRelay(frame, ref ip);

            case LinkType.Ieee80211Radiotap:
                return Ieee80211Decoder.FromRadiotap(frame, ref ip);

            case LinkType.Ieee80211:
                // Whether the frame ends in an FCS is not recorded; the IP header's lengths leave it out.
                return Ieee80211Decoder.FromFrame(frame, 0, dataPad: false, ref ip);

            case LinkType.PrismHeader:
                return Ieee80211Decoder.FromPrism(frame, ref ip);

            case LinkType.Ieee80211Avs:
                return Ieee80211Decoder.FromAvs(frame, ref ip);

            case LinkType.IpNet:
                if (frame.Length < IpNetHeaderLength)
                {
                    return DecodeOutcome.Truncated;
                }

                return Start(ref ip, IpNetHeaderLength, frame[1] switch
                {
                    IpNetFamilyInet => 4,
                    IpNetFamilyInet6 => 6,
                    _ => 0,
                });

            case LinkType.Nflog:
                return NflogDecoder.Locate(frame, ref ip);

            default:
                return DecodeOutcome.UnsupportedLinkType;
        }
    }

    private static DecodeOutcome FromSllProtocol(ReadOnlySpan<byte> frame, ushort protocol, int offset, ref IpLocation ip)
    {
        if (protocol == SllLlc)
        {
            return EtherTypeDecoder.FollowLlc(frame, offset, ref ip);
        }

        return protocol <= EtherTypeDecoder.MaxLengthField
            ? DecodeOutcome.NotIp // CAN, 802.3 without LLC, AX.25, …
            : EtherTypeDecoder.Follow(frame, protocol, offset, ref ip);
    }

    /// <summary>The IP header starts at <paramref name="offset"/> if the link layer named an IP version, else NotIp.</summary>
    private static DecodeOutcome Start(ref IpLocation ip, int offset, int version)
    {
        if (version == 0)
        {
            return DecodeOutcome.NotIp;
        }

        ip.StartAt(offset, version);
        return DecodeOutcome.Decoded;
    }

    private static int FromAddressFamily(uint family) => family switch
    {
        FamilyInet => 4,
        24 or 28 or 30 => 6,
        _ => 0,
    };
}
