using System.Buffers.Binary;

namespace PcapDiff.Core.Decoding;

/// <summary>Finds the IP header behind the serial WAN link layers: PPP, Cisco HDLC and Frame Relay.</summary>
internal static class SerialLinkDecoder
{
    private const byte PppAddress = 0xFF; // all stations
    private const byte PppControl = 0x03; // unnumbered information
    private const byte CiscoUnicast = 0x0F;
    private const byte CiscoBroadcast = 0x8F;
    private const int CiscoHdlcHeaderLength = 4; // address, control, EtherType

    private const byte FrameRelayControl = 0x03; // unnumbered information, as RFC 2427 frames have
    private const byte NlpidPadding = 0x00;
    private const byte NlpidIPv4 = 0xCC;
    private const byte NlpidIPv6 = 0x8E;
    private const byte NlpidSnap = 0x80;
    private const int SnapLength = 5; // OUI, then an EtherType when the OUI is 00-00-00

    /// <summary>
    /// PPP: optional FF 03 address and control, then the protocol. Where <paramref name="ciscoHdlc"/>
    /// (DLT_PPP_SERIAL), a first byte of 0x0F or 0x8F means the frame is Cisco HDLC instead.
    /// </summary>
    public static DecodeOutcome FromPpp(ReadOnlySpan<byte> frame, bool ciscoHdlc, ref IpLocation ip)
    {
        if (frame.IsEmpty)
        {
            return DecodeOutcome.Truncated;
        }

        if (ciscoHdlc && frame[0] is CiscoUnicast or CiscoBroadcast)
        {
            return FromCiscoHdlc(frame, ref ip);
        }

        int offset = 0;
        if (frame[0] == PppAddress)
        {
            if (frame.Length < 2)
            {
                return DecodeOutcome.Truncated;
            }

            if (frame[1] == PppControl)
            {
                offset = 2;
            }
        }

        DecodeOutcome outcome = EtherTypeDecoder.ReadPppProtocol(frame, ref offset, out ushort etherType);
        return outcome == DecodeOutcome.Decoded
            ? EtherTypeDecoder.Follow(frame, etherType, offset, ref ip)
            : outcome;
    }

    /// <summary>Cisco HDLC: address (0x0F or 0x8F), control (0), then an EtherType.</summary>
    public static DecodeOutcome FromCiscoHdlc(ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        return frame.Length < CiscoHdlcHeaderLength
            ? DecodeOutcome.Truncated
            : EtherTypeDecoder.Follow(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[2..]), CiscoHdlcHeaderLength, ref ip);
    }

    /// <summary>
    /// Frame Relay: a Q.922 address of 2 to 4 bytes (the last one has its low bit set), then either
    /// RFC 2427's control byte 0x03, an optional padding byte and an NLPID (IPv4, IPv6, or SNAP with an
    /// EtherType), or, in Cisco's encapsulation, an EtherType straight away.
    /// </summary>
    public static DecodeOutcome FromFrameRelay(ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        if (frame.IsEmpty)
        {
            return DecodeOutcome.Truncated;
        }

        if ((frame[0] & 1) != 0)
        {
            return DecodeOutcome.NotIp; // not a Q.922 address: its first byte never ends it
        }

        int offset = 0;
        for (int i = 1; i < 4 && offset == 0; i++)
        {
            if (i >= frame.Length)
            {
                return DecodeOutcome.Truncated;
            }

            if ((frame[i] & 1) != 0)
            {
                offset = i + 1;
            }
        }

        if (offset == 0)
        {
            return DecodeOutcome.NotIp; // an address longer than Q.922 allows
        }

        if (frame.Length - offset < 2)
        {
            return DecodeOutcome.Truncated;
        }

        if (frame[offset] != FrameRelayControl)
        {
            return EtherTypeDecoder.Follow(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]), offset + 2, ref ip);
        }

        offset++;
        if (frame[offset] == NlpidPadding)
        {
            offset++;
        }

        if (offset >= frame.Length)
        {
            return DecodeOutcome.Truncated;
        }

        byte nlpid = frame[offset++];
        switch (nlpid)
        {
            case NlpidIPv4:
                ip.StartAt(offset, 4);
                return DecodeOutcome.Decoded;

            case NlpidIPv6:
                ip.StartAt(offset, 6);
                return DecodeOutcome.Decoded;

            case NlpidSnap:
                if (frame.Length - offset < SnapLength)
                {
                    return DecodeOutcome.Truncated;
                }

                // OUI 00-80-C2 is bridged 802 traffic (Ethernet and others), which is left out.
                return frame[offset] != 0 || frame[offset + 1] != 0 || frame[offset + 2] != 0
                    ? DecodeOutcome.NotIp
                    : EtherTypeDecoder.Follow(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 3)..]), offset + SnapLength, ref ip);

            default:
                return DecodeOutcome.NotIp; // CLNP, ES-IS, IS-IS, Q.933, …
        }
    }
}
