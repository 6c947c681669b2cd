using System.Buffers.Binary;

namespace PcapDiff.CaptureGenerator;

/// <summary>Writes a classic pcap file (microsecond timestamps, Ethernet) through one big buffer.</summary>
internal sealed class PcapFileWriter : IDisposable
{
    private const int RecordHeader = 16;
    private const int LinkTypeEthernet = 1;

    private readonly FileStream _file;
    private readonly int _snapLength;
    private readonly byte[] _scratch = new byte[RecordHeader + 65_536];

    public PcapFileWriter(string path, int snapLength)
    {
        _snapLength = snapLength;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], snapLength);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], LinkTypeEthernet);
        _file.Write(header);
        Bytes = header.Length;
    }

    public long Packets { get; private set; }

    public long Bytes { get; private set; }

    public void Write(SimFlow flow, in SimPacket packet)
    {
        int length = FrameWriter.Write(flow, packet, _scratch.AsSpan(RecordHeader));
        int captured = Math.Min(length, _snapLength);
        long seconds = CaptureClock.StartUnixSeconds + (packet.Time / 1_000_000);
        var header = _scratch.AsSpan(0, RecordHeader);
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(packet.Time % 1_000_000));
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], captured);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], length);
        _file.Write(_scratch, 0, RecordHeader + captured);
        Packets++;
        Bytes += RecordHeader + captured;
    }

    public void Dispose() => _file.Dispose();
}
