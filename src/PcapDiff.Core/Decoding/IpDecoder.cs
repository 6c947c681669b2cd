using System.Buffers.Binary;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Decoding;

/// <summary>Decodes the IPv4 or IPv6 header (and IPv6 extension headers), then hands on to the transport.</summary>
internal static class IpDecoder
{
    private const int IPv4MinHeaderLength = 20;
    private const int IPv6HeaderLength = 40;

    /// <summary>Decodes an IP packet.</summary>
    /// <param name="ip">The captured bytes from the IP header to the end of the frame.</param>
    /// <param name="wireLength">The bytes the frame held on the wire from the IP header on.</param>
    /// <param name="expectedVersion">4 or 6 when the link layer said which, 0 to go by the header.</param>
    /// <param name="fields">Filled in.</param>
    /// <param name="payload">The captured transport payload.</param>
    public static DecodeOutcome Decode(ReadOnlySpan<byte> ip, int wireLength, int expectedVersion, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (ip.IsEmpty)
        {
            return DecodeOutcome.Truncated;
        }

        int version = ip[0] >> 4;
        if (expectedVersion != 0 && version != expectedVersion)
        {
            return DecodeOutcome.Malformed;
        }

        return version switch
        {
            4 => DecodeIPv4(ip, wireLength, ref fields, out payload),
            6 => DecodeIPv6(ip, wireLength, ref fields, out payload),
            _ => DecodeOutcome.Malformed,
        };
    }

    /// <summary>The pcapdiff transport for an IP protocol number.</summary>
    public static Transport ToTransport(byte protocol, int ipVersion) => protocol switch
    {
        6 => Transport.Tcp,
        17 => Transport.Udp,
        1 when ipVersion == 4 => Transport.Icmp,
        58 when ipVersion == 6 => Transport.Icmpv6,
        _ => Transport.Other,
    };

    /// <summary>
    /// Walks IPv6 extension headers from <paramref name="offset"/> until an upper-layer (or unknown)
    /// header. <paramref name="end"/> is where the IP packet ends; <paramref name="packet"/> holds what
    /// of it was captured.
    /// </summary>
    /// <returns>
    /// Decoded with <paramref name="next"/> and <paramref name="offset"/> at the upper-layer header
    /// (or the fragment data when <paramref name="isLaterFragment"/>), Truncated when a header to read
    /// was not captured, Malformed when one runs past the end of the packet.
    /// </returns>
    public static DecodeOutcome WalkExtensionHeaders(ReadOnlySpan<byte> packet, int end, ref byte next, ref int offset, out bool isLaterFragment)
    {
        isLaterFragment = false;

        // Every header moves the offset on by at least 8 bytes, so the walk ends with the packet.
        while (true)
        {
            int length;
            switch (next)
            {
                case 0: // hop-by-hop options
                case 43: // routing
                case 60: // destination options
                case 51: // authentication header: length in 4-byte units, minus 2
                    if (end - offset < 2)
                    {
                        return DecodeOutcome.Malformed;
                    }

                    if (packet.Length - offset < 2)
                    {
                        return DecodeOutcome.Truncated;
                    }

                    length = next == 51 ? (packet[offset + 1] + 2) * 4 : (packet[offset + 1] + 1) * 8;
                    if (end - offset < length)
                    {
                        return DecodeOutcome.Malformed;
                    }

                    next = packet[offset];
                    offset += length;
                    break;

                case 44: // fragment
                    if (end - offset < 8)
                    {
                        return DecodeOutcome.Malformed;
                    }

                    if (packet.Length - offset < 8)
                    {
                        return DecodeOutcome.Truncated;
                    }

                    next = packet[offset];
                    int fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) & 0xFFF8;
                    offset += 8;
                    if (fragmentOffset != 0)
                    {
                        isLaterFragment = true;
                        return DecodeOutcome.Decoded;
                    }

                    break;

                default: // upper layer, No Next Header (59), or a header pcapdiff does not know
                    return DecodeOutcome.Decoded;
            }
        }
    }

    private static DecodeOutcome DecodeIPv4(ReadOnlySpan<byte> ip, int wireLength, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (ip.Length < IPv4MinHeaderLength)
        {
            return DecodeOutcome.Truncated;
        }

        int headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < IPv4MinHeaderLength)
        {
            return DecodeOutcome.Malformed;
        }

        // Zero with TCP segmentation offload; past the frame when the header lies. Either way the
        // frame's own length is the better witness.
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (totalLength == 0 || totalLength < headerLength || totalLength > wireLength)
        {
            totalLength = wireLength;
        }

        if (headerLength > totalLength)
        {
            return DecodeOutcome.Malformed;
        }

        if (headerLength > ip.Length)
        {
            return DecodeOutcome.Truncated;
        }

        if (ip.Length > totalLength)
        {
            ip = ip[..totalLength]; // drop Ethernet padding and trailers
        }

        byte protocol = ip[9];
        fields.IpVersion = 4;
        fields.SourceAddress = IpAddress.FromBytes(ip.Slice(12, 4));
        fields.DestinationAddress = IpAddress.FromBytes(ip.Slice(16, 4));

        if ((BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF) != 0)
        {
            fields.Protocol = ToTransport(protocol, 4);
            fields.IsFragment = true;
            fields.PayloadLength = totalLength - headerLength;
            return DecodeOutcome.Decoded;
        }

        return TransportDecoder.Decode(protocol, 4, ip, headerLength, totalLength - headerLength, ref fields, out payload);
    }

    private static DecodeOutcome DecodeIPv6(ReadOnlySpan<byte> ip, int wireLength, scoped ref PacketFields fields, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (ip.Length < IPv6HeaderLength)
        {
            return DecodeOutcome.Truncated;
        }

        // Zero for a jumbogram (or with segmentation offload), past the frame when the header lies.
        int available = wireLength - IPv6HeaderLength;
        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        if (payloadLength == 0 || payloadLength > available)
        {
            payloadLength = available;
        }

        int end = IPv6HeaderLength + payloadLength;
        if (ip.Length > end)
        {
            ip = ip[..end];
        }

        fields.IpVersion = 6;
        fields.SourceAddress = IpAddress.FromBytes(ip.Slice(8, 16));
        fields.DestinationAddress = IpAddress.FromBytes(ip.Slice(24, 16));

        byte next = ip[6];
        int offset = IPv6HeaderLength;
        DecodeOutcome walked = WalkExtensionHeaders(ip, end, ref next, ref offset, out bool isLaterFragment);
        if (walked != DecodeOutcome.Decoded)
        {
            return walked;
        }

        if (isLaterFragment)
        {
            fields.Protocol = ToTransport(next, 6);
            fields.IsFragment = true;
            fields.PayloadLength = end - offset;
            return DecodeOutcome.Decoded;
        }

        return TransportDecoder.Decode(next, 6, ip, offset, end - offset, ref fields, out payload);
    }
}
