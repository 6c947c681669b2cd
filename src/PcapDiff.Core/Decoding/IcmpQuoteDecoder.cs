using System.Buffers.Binary;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Decoding;

/// <summary>Reads the IP header (and the ports after it) that an ICMP or ICMPv6 error quotes.</summary>
internal static class IcmpQuoteDecoder
{
    /// <summary>
    /// Decodes the quoted packet, or returns null when too little of it is there to say which flow it
    /// belongs to: the IP header must be complete, for TCP and UDP the two ports after it, and for ICMP
    /// the first 6 bytes, up to an echo's identifier.
    /// </summary>
    /// <param name="quoted">The captured ICMP body after the 8-byte ICMP header.</param>
    /// <param name="ipVersion">The IP version of the ICMP message, which the quoted packet shares.</param>
    public static QuotedHeader? Decode(ReadOnlySpan<byte> quoted, int ipVersion)
    {
        IpAddress source;
        IpAddress destination;
        byte protocol;
        int offset;
        if (ipVersion == 4)
        {
            if (quoted.Length < 20 || quoted[0] >> 4 != 4)
            {
                return null;
            }

            offset = (quoted[0] & 0x0F) * 4;
            if (offset < 20 || offset > quoted.Length)
            {
                return null;
            }

            protocol = quoted[9];
            source = IpAddress.FromBytes(quoted.Slice(12, 4));
            destination = IpAddress.FromBytes(quoted.Slice(16, 4));
            if ((BinaryPrimitives.ReadUInt16BigEndian(quoted[6..]) & 0x1FFF) != 0)
            {
                // A later fragment: no transport header to name the flow by.
                return null;
            }
        }
        else
        {
            if (quoted.Length < 40 || quoted[0] >> 4 != 6)
            {
                return null;
            }

            source = IpAddress.FromBytes(quoted.Slice(8, 16));
            destination = IpAddress.FromBytes(quoted.Slice(24, 16));
            protocol = quoted[6];
            offset = 40;
            DecodeOutcome walked = IpDecoder.WalkExtensionHeaders(quoted, quoted.Length, ref protocol, ref offset, out bool isLaterFragment);
            if (walked != DecodeOutcome.Decoded || isLaterFragment)
            {
                return null;
            }
        }

        Transport transport = IpDecoder.ToTransport(protocol, ipVersion);
        ushort sourcePort = 0;
        ushort destinationPort = 0;
        if (transport is Transport.Tcp or Transport.Udp)
        {
            if (quoted.Length - offset < 4)
            {
                return null;
            }

            sourcePort = BinaryPrimitives.ReadUInt16BigEndian(quoted[offset..]);
            destinationPort = BinaryPrimitives.ReadUInt16BigEndian(quoted[(offset + 2)..]);
        }
        else if (transport is Transport.Icmp or Transport.Icmpv6)
        {
            // Type, code, checksum, then an echo's identifier, which names its flow as ports would.
            if (quoted.Length - offset < 6)
            {
                return null;
            }

            byte type = quoted[offset];
            if (ipVersion == 4 ? type is 0 or 8 : type is 128 or 129)
            {
                sourcePort = BinaryPrimitives.ReadUInt16BigEndian(quoted[(offset + 4)..]);
                destinationPort = sourcePort;
            }
        }

        return new QuotedHeader(transport, new Endpoint(source, sourcePort), new Endpoint(destination, destinationPort));
    }
}
