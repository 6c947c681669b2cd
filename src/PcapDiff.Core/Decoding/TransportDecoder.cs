using System.Buffers.Binary;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Decoding;

/// <summary>Decodes the TCP, UDP, ICMP or ICMPv6 header that follows the IP headers.</summary>
internal static class TransportDecoder
{
    private const int TcpMinHeaderLength = 20;
    private const int UdpHeaderLength = 8;
    private const int IcmpHeaderLength = 8;

    /// <summary>Decodes the transport header.</summary>
    /// <param name="protocol">The IP protocol number (or IPv6 next header).</param>
    /// <param name="ipVersion">4 or 6.</param>
    /// <param name="ip">The captured bytes of the IP packet, no further than its end.</param>
    /// <param name="offset">Where the transport header starts in the IP packet (may be past the captured bytes).</param>
    /// <param name="length">The transport header and payload length on the wire.</param>
    /// <param name="fields">Filled in.</param>
    /// <param name="payload">The captured transport payload.</param>
    public static DecodeOutcome Decode(byte protocol, int ipVersion, ReadOnlySpan<byte> ip, int offset, int length, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        ReadOnlySpan<byte> segment = offset < ip.Length ? ip[offset..] : default;
        Transport transport = IpDecoder.ToTransport(protocol, ipVersion);
        fields.Protocol = transport;
        return transport switch
        {
            Transport.Tcp => DecodeTcp(segment, length, ref fields, out payload),
            Transport.Udp => DecodeUdp(segment, length, ref fields, out payload),
            Transport.Icmp or Transport.Icmpv6 => DecodeIcmp(segment, length, ipVersion, ref fields, out payload),
            _ => DecodeOther(segment, length, ref fields, out payload),
        };
    }

    /// <summary>The captured part of a payload of <paramref name="length"/> bytes at <paramref name="start"/>.</summary>
    private static ReadOnlySpan<byte> Captured(ReadOnlySpan<byte> segment, int start, int length) =>
        start >= segment.Length || length <= 0
            ? default
            : segment.Slice(start, Math.Min(length, segment.Length - start));

    private static DecodeOutcome DecodeTcp(ReadOnlySpan<byte> segment, int length, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (length < TcpMinHeaderLength)
        {
            return DecodeOutcome.Malformed;
        }

        // Only the fixed header is needed: a SYN whose options a small snaplen cut off still counts.
        if (segment.Length < TcpMinHeaderLength)
        {
            return DecodeOutcome.Truncated;
        }

        int headerLength = (segment[12] >> 4) * 4;
        if (headerLength < TcpMinHeaderLength || headerLength > length)
        {
            return DecodeOutcome.Malformed;
        }

        fields.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        fields.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
        fields.Sequence = BinaryPrimitives.ReadUInt32BigEndian(segment[4..]);
        fields.Acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(segment[8..]);
        fields.Flags = (TcpFlags)segment[13];
        fields.Window = BinaryPrimitives.ReadUInt16BigEndian(segment[14..]);
        fields.PayloadLength = length - headerLength;
        payload = Captured(segment, headerLength, fields.PayloadLength);
        return DecodeOutcome.Decoded;
    }

    private static DecodeOutcome DecodeUdp(ReadOnlySpan<byte> segment, int length, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (length < UdpHeaderLength)
        {
            return DecodeOutcome.Malformed;
        }

        if (segment.Length < UdpHeaderLength)
        {
            return DecodeOutcome.Truncated;
        }

        // The UDP length is 0 in a jumbogram, and larger than this packet in the first fragment of
        // a fragmented datagram (whose later fragments are counted on their own).
        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(segment[4..]);
        fields.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        fields.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
        fields.PayloadLength = udpLength >= UdpHeaderLength && udpLength <= length
            ? udpLength - UdpHeaderLength
            : length - UdpHeaderLength;
        payload = Captured(segment, UdpHeaderLength, fields.PayloadLength);
        return DecodeOutcome.Decoded;
    }

    private static DecodeOutcome DecodeIcmp(ReadOnlySpan<byte> segment, int length, int ipVersion, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (length < IcmpHeaderLength)
        {
            return DecodeOutcome.Malformed;
        }

        if (segment.Length < IcmpHeaderLength)
        {
            return DecodeOutcome.Truncated;
        }

        byte type = segment[0];
        fields.IcmpType = type;
        fields.IcmpCode = segment[1];
        fields.PayloadLength = length - IcmpHeaderLength;
        ReadOnlySpan<byte> body = segment[IcmpHeaderLength..];
        if (ipVersion == 4)
        {
            switch (type)
            {
                case 0 or 8: // echo reply, echo request
                    fields.IcmpIdentifier = BinaryPrimitives.ReadUInt16BigEndian(segment[4..]);
                    break;
                case 3 or 4 or 5 or 11 or 12: // unreachable, source quench, redirect, time exceeded, parameter problem
                    fields.Quoted = IcmpQuoteDecoder.Decode(body, 4);
                    break;
                default:
                    break;
            }
        }
        else
        {
            switch (type)
            {
                case 128 or 129: // echo request, echo reply
                    fields.IcmpIdentifier = BinaryPrimitives.ReadUInt16BigEndian(segment[4..]);
                    break;
                case >= 1 and <= 4: // unreachable, packet too big, time exceeded, parameter problem
                    fields.Quoted = IcmpQuoteDecoder.Decode(body, 6);
                    break;
                default:
                    break;
            }
        }

        payload = Captured(segment, IcmpHeaderLength, fields.PayloadLength);
        return DecodeOutcome.Decoded;
    }

    private static DecodeOutcome DecodeOther(ReadOnlySpan<byte> segment, int length, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        fields.PayloadLength = length;
        payload = Captured(segment, 0, length);
        return DecodeOutcome.Decoded;
    }
}
