using System.Buffers.Binary;

namespace PcapDiff.CaptureGenerator;

/// <summary>
/// The Internet checksum (RFC 1071). Words are summed little-endian, 32 bits at a time, and the
/// folded sum is byte-swapped once at the end: the one's-complement sum does not depend on byte order.
/// </summary>
internal static class Checksum
{
    /// <summary>Adds <paramref name="data"/> (starting at an even offset of the checksummed bytes) to a running sum.</summary>
    public static ulong Add(ulong sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            ulong v = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            sum += (v & 0xFFFF_FFFF) + (v >> 32);
        }

        for (; i + 2 <= data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16LittleEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += data[i];
        }

        return sum;
    }

    /// <summary>Folds the sum and writes the checksum (big-endian) at <paramref name="destination"/>.</summary>
    public static void Write(ulong sum, Span<byte> destination)
    {
        while ((sum >> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)~sum);
    }

    /// <summary>The sum of the IPv4 pseudo-header of a TCP or UDP segment.</summary>
    public static ulong PseudoHeader(uint source, uint destination, byte protocol, int length)
    {
        Span<byte> pseudo = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(pseudo, source);
        BinaryPrimitives.WriteUInt32BigEndian(pseudo[4..], destination);
        pseudo[8] = 0;
        pseudo[9] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[10..], (ushort)length);
        return Add(0, pseudo);
    }
}
