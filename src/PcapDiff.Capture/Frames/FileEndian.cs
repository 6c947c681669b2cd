using System.Buffers.Binary;

namespace PcapDiff.Capture.Frames;

/// <summary>Reads a capture file's numbers in its own byte order: little-endian, or big-endian when <c>swapped</c>.</summary>
internal static class FileEndian
{
    public static ushort Read16(ReadOnlySpan<byte> bytes, bool swapped) =>
        swapped ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    public static uint Read32(ReadOnlySpan<byte> bytes, bool swapped) =>
        swapped ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    public static ulong Read64(ReadOnlySpan<byte> bytes, bool swapped) =>
        swapped ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
}
