using System.Buffers.Binary;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// Finds an IP header inside a TCP or UDP payload, as Wireshark finds one when it decodes a tunnel
/// (VXLAN, Geneve, GTP-U, Teredo, AYIYA, GRE or MPLS over UDP) or a payload that carries packets
/// (OpenFlow packet-in/out, sFlow samples). Wireshark's reference leaves such packets out.
/// </summary>
internal static class InnerIpHeader
{
    private const int IPv4HeaderLength = 20;
    private const int IPv6HeaderLength = 40;
    private const ushort EtherTypeIPv4 = 0x0800;
    private const ushort EtherTypeIPv6 = 0x86DD;
    private const int TeredoOriginIndication = 8;

    /// <summary>
    /// True when <paramref name="payload"/> holds, at some offset, an IP header that random bytes
    /// practically never imitate: one right after an IPv4 or IPv6 EtherType (an Ethernet frame inside,
    /// possibly cut short); an IPv4 header with a valid checksum; an IPv6 header that ends exactly
    /// where the payload ends, or (Teredo) one at the start or after Teredo's origin indication with an
    /// upper-layer next header.
    /// </summary>
    public static bool Find(ReadOnlySpan<byte> payload)
    {
        for (int offset = 0; offset < payload.Length; offset++)
        {
            int version = payload[offset] >> 4;
            bool found = version switch
            {
                4 => (AfterEtherType(payload, offset, EtherTypeIPv4) && (payload[offset] & 0x0F) >= 5)
                    || (offset + IPv4HeaderLength <= payload.Length && HasValidChecksum(payload[offset..])),
                6 => AfterEtherType(payload, offset, EtherTypeIPv6)
                    || (offset + IPv6HeaderLength <= payload.Length && IsWholeIPv6(payload, offset)),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasValidChecksum(ReadOnlySpan<byte> header)
    {
        int headerLength = (header[0] & 0x0F) * 4;
        if (headerLength < IPv4HeaderLength || headerLength > header.Length)
        {
            return false;
        }

        // Zero with segmentation offload (and BIG TCP).
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        if (totalLength != 0 && totalLength < headerLength)
        {
            return false;
        }

        uint sum = 0;
        for (int i = 0; i < headerLength; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return sum == 0xFFFF;
    }

    private static bool IsWholeIPv6(ReadOnlySpan<byte> payload, int offset)
    {
        int end = offset + IPv6HeaderLength + BinaryPrimitives.ReadUInt16BigEndian(payload[(offset + 4)..]);
        if (end == payload.Length)
        {
            return true;
        }

        bool teredoStart = offset == 0 || (offset == TeredoOriginIndication && payload[0] == 0 && payload[1] == 0);
        byte next = payload[offset + 6];
        return teredoStart && end <= payload.Length && next is 6 or 17 or 43 or 44 or 58 or 59 or 60;
    }

    private static bool AfterEtherType(ReadOnlySpan<byte> payload, int offset, ushort etherType) =>
        offset >= 2 && BinaryPrimitives.ReadUInt16BigEndian(payload[(offset - 2)..]) == etherType;
}
