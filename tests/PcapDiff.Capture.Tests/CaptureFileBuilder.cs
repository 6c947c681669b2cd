using System.Buffers.Binary;
using System.IO.Compression;

namespace PcapDiff.Capture.Tests;

/// <summary>One frame of a test capture.</summary>
/// <param name="Data">The captured bytes.</param>
/// <param name="Time">The capture time (UTC).</param>
/// <param name="WireLength">The length on the wire; the captured length when null.</param>
internal sealed record TestFrame(byte[] Data, DateTime Time, int? WireLength = null)
{
    public int OnWire => WireLength ?? Data.Length;
}

/// <summary>Writes capture files byte by byte, so the tests depend on no tool and control every field.</summary>
internal static class CaptureFileBuilder
{
    public const int Ethernet = 1;

    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>A pcap file: 24-byte header, then a 16-byte header per record.</summary>
    public static byte[] Pcap(IEnumerable<TestFrame> frames, int linkType = Ethernet, bool nanoseconds = false, bool bigEndian = false)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        WriteUInt32(header, nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4, bigEndian);
        WriteUInt16(header[4..], 2, bigEndian);
        WriteUInt16(header[6..], 4, bigEndian);
        WriteUInt32(header[16..], 262144, bigEndian);
        WriteUInt32(header[20..], (uint)linkType, bigEndian);
        stream.Write(header);

        Span<byte> record = stackalloc byte[16];
        foreach (TestFrame frame in frames)
        {
            long ticks = frame.Time.Ticks - EpochTicks;
            WriteUInt32(record, (uint)(ticks / TimeSpan.TicksPerSecond), bigEndian);
            long fraction = ticks % TimeSpan.TicksPerSecond;
            WriteUInt32(record[4..], (uint)(nanoseconds ? fraction * 100 : fraction / 10), bigEndian);
            WriteUInt32(record[8..], (uint)frame.Data.Length, bigEndian);
            WriteUInt32(record[12..], (uint)frame.OnWire, bigEndian);
            stream.Write(record);
            stream.Write(frame.Data);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A pcapng file: a section header, one interface, a Decryption Secrets Block for each of
    /// <paramref name="secrets"/> (type and data), an enhanced packet block per frame.
    /// </summary>
    public static byte[] PcapNg(IEnumerable<TestFrame> frames, int linkType = Ethernet, bool nanoseconds = false, IEnumerable<(uint Type, byte[] Data)>? secrets = null)
    {
        using var stream = new MemoryStream();

        Span<byte> section = stackalloc byte[28];
        WriteUInt32(section, 0x0A0D0D0A, false);
        WriteUInt32(section[4..], 28, false);
        WriteUInt32(section[8..], 0x1A2B3C4D, false);
        WriteUInt16(section[12..], 1, false);
        WriteUInt16(section[14..], 0, false);
        BinaryPrimitives.WriteInt64LittleEndian(section[16..], -1); // section length unknown
        WriteUInt32(section[24..], 28, false);
        stream.Write(section);

        // Interface description, with if_tsresol = 9 (nanoseconds) when asked for.
        int interfaceLength = nanoseconds ? 32 : 20;
        Span<byte> description = stackalloc byte[interfaceLength];
        description.Clear();
        WriteUInt32(description, 1, false);
        WriteUInt32(description[4..], (uint)interfaceLength, false);
        WriteUInt16(description[8..], (ushort)linkType, false);
        WriteUInt32(description[12..], 262144, false);
        if (nanoseconds)
        {
            WriteUInt16(description[16..], 9, false); // if_tsresol
            WriteUInt16(description[18..], 1, false);
            description[20] = 9;
            // 3 bytes of padding, then opt_endofopt (4 zero bytes)
        }

        WriteUInt32(description[(interfaceLength - 4)..], (uint)interfaceLength, false);
        stream.Write(description);

        foreach (var (type, data) in secrets ?? [])
        {
            int padded = (data.Length + 3) & ~3;
            var block = new byte[20 + padded];
            WriteUInt32(block, 10, false);
            WriteUInt32(block.AsSpan(4), (uint)block.Length, false);
            WriteUInt32(block.AsSpan(8), type, false);
            WriteUInt32(block.AsSpan(12), (uint)data.Length, false);
            data.CopyTo(block, 16);
            WriteUInt32(block.AsSpan(block.Length - 4), (uint)block.Length, false);
            stream.Write(block);
        }

        foreach (TestFrame frame in frames)
        {
            int padded = (frame.Data.Length + 3) & ~3;
            int blockLength = 32 + padded;
            var block = new byte[blockLength];
            long ticks = frame.Time.Ticks - EpochTicks;
            ulong units = nanoseconds ? (ulong)ticks * 100 : (ulong)ticks / 10;
            WriteUInt32(block, 6, false);
            WriteUInt32(block.AsSpan(4), (uint)blockLength, false);
            WriteUInt32(block.AsSpan(8), 0, false);
            WriteUInt32(block.AsSpan(12), (uint)(units >> 32), false);
            WriteUInt32(block.AsSpan(16), (uint)units, false);
            WriteUInt32(block.AsSpan(20), (uint)frame.Data.Length, false);
            WriteUInt32(block.AsSpan(24), (uint)frame.OnWire, false);
            frame.Data.CopyTo(block, 28);
            WriteUInt32(block.AsSpan(blockLength - 4), (uint)blockLength, false);
            stream.Write(block);
        }

        return stream.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static void WriteUInt32(Span<byte> destination, uint value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
        }
    }

    private static void WriteUInt16(Span<byte> destination, ushort value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        }
    }
}
