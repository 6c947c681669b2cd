using System.Buffers.Binary;
using static PcapDiff.Capture.Frames.FileEndian;

namespace PcapDiff.Capture.Frames;

/// <summary>
/// Reads the classic pcap format (microsecond or nanosecond, either byte order) as libpcap does,
/// frame for frame and error for error, without libpcap. Files in the older variants whose record
/// lengths may be swapped (before version 2.4) or Kuznetzov's patched records are left to libpcap.
/// </summary>
internal sealed class PcapFileSource : FrameSource
{
    private const int FileHeaderBytes = 24;
    private const int RecordHeaderBytes = 16;

    private readonly FileBuffer _file;
    private readonly bool _swapped;
    private readonly bool _nanosecondFile;
    private readonly uint _snapshot;
    private byte[] _oversized = [];

    private PcapFileSource(FileBuffer file, bool swapped, bool nanosecondFile, uint snapshot, int dataLink)
    {
        _file = file;
        _swapped = swapped;
        _nanosecondFile = nanosecondFile;
        _snapshot = snapshot;
        DataLink = dataLink;
    }

    public override int DataLink { get; }

    public override long BytesConsumed => _file.Position;

    /// <summary>Opens the file when its header is one this reader handles exactly as libpcap does; else null.</summary>
    public static PcapFileSource? TryOpen(FileBuffer file)
    {
        ReadOnlySpan<byte> header = file.Peek(FileHeaderBytes);
        if (header.Length < FileHeaderBytes)
        {
            return null;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        bool swapped;
        bool nanoseconds;
        switch (magic)
        {
            case 0xA1B2C3D4: swapped = false; nanoseconds = false; break;
            case 0xD4C3B2A1: swapped = true; nanoseconds = false; break;
            case 0xA1B23C4D: swapped = false; nanoseconds = true; break;
            case 0x4D3CB2A1: swapped = true; nanoseconds = true; break;
            default: return null;
        }

        ushort major = Read16(header[4..], swapped);
        ushort minor = Read16(header[6..], swapped);
        uint snapLength = Read32(header[16..], swapped);
        int dataLink = LinkTypeMapping.ToDataLink((int)(Read32(header[20..], swapped) & 0xFFFF));
        if (major != 2 || minor != 4 || (swapped && LinkTypeMapping.HasSwappedPseudoHeader(dataLink)))
        {
            return null;
        }

        file.Skip(FileHeaderBytes);
        return new PcapFileSource(file, swapped, nanoseconds, LinkTypeMapping.AdjustSnapshot(snapLength), dataLink);
    }

    public override FrameStatus Next(out FrameHeader header, out ReadOnlySpan<byte> data)
    {
        header = default;
        data = default;
        ReadOnlySpan<byte> record = _file.Peek(RecordHeaderBytes);
        if (record.Length < RecordHeaderBytes)
        {
            return record.Length == 0
                ? FrameStatus.EndOfFile
                : Fail($"truncated dump file; tried to read {RecordHeaderBytes} header bytes, only got {record.Length}");
        }

        // struct pcap_timeval holds signed 32-bit fields; libpcap widens them to the native timeval,
        // whose fraction this reader keeps in 32 bits as the libpcap path does.
        long seconds = (int)Read32(record, _swapped);
        long fraction = (int)Read32(record[4..], _swapped);
        uint captured = Read32(record[8..], _swapped);
        uint wire = Read32(record[12..], _swapped);
        uint nanoseconds = _nanosecondFile ? (uint)fraction : unchecked((uint)(fraction * 1000));
        _file.Skip(RecordHeaderBytes);

        if (captured > LinkTypeMapping.MaximumSnapLength)
        {
            return Fail(captured > _snapshot
                ? $"invalid packet capture length {captured}, bigger than snaplen of {_snapshot}"
                : $"invalid packet capture length {captured}, bigger than maximum of {LinkTypeMapping.MaximumSnapLength}");
        }

        uint kept = Math.Min(captured, _snapshot);
        ReadOnlySpan<byte> bytes = _file.Peek((int)kept);
        if (bytes.Length < kept)
        {
            return Fail($"truncated dump file; tried to read {kept} captured bytes, only got {bytes.Length}");
        }

        if (kept < captured)
        {
            // libpcap keeps the snapshot length and discards the rest of an oversized record; the
            // kept bytes are copied first, as skipping the rest may reuse the buffer they are in.
            if (_oversized.Length < kept)
            {
                _oversized = new byte[kept];
            }

            bytes.CopyTo(_oversized);
            long rest = captured - kept;
            long discarded = _file.Skip(kept + rest) - kept;
            if (discarded < rest)
            {
                return Fail($"truncated dump file; tried to read {captured} captured bytes, only got {kept + discarded}");
            }

            header = new FrameHeader(seconds, nanoseconds, kept, wire);
            data = _oversized.AsSpan(0, (int)kept);
            return FrameStatus.Frame;
        }

        header = new FrameHeader(seconds, nanoseconds, kept, wire);
        data = bytes;
        _file.Skip(kept);
        return FrameStatus.Frame;
    }

    public override void Dispose()
    {
        _file.Dispose();
    }
}
