using PcapDiff.Core;
using SharpPcap;
using SharpPcap.LibPcap;

namespace PcapDiff.Capture.Frames;

/// <summary>
/// Frames through libpcap (SharpPcap's offline reader), with a BPF filter compiled and run by
/// libpcap: the path for filtered reads and for the formats the managed readers leave to libpcap.
/// </summary>
internal sealed class LibpcapFrameSource : FrameSource
{
    private const int PacketRead = 1;
    private const int EndOfFile = -2; // PCAP_ERROR_BREAK, what pcap_next_ex returns at the end of a file
    private const int RecordHeaderBytes = 16;
    private const int FileHeaderBytes = 24;

    private readonly CaptureFileReaderDevice _device;
    private readonly BpfProgram? _filter;
    private readonly bool _nanoseconds;
    private long _bytesConsumed = FileHeaderBytes;

    private LibpcapFrameSource(CaptureFileReaderDevice device, BpfProgram? filter)
    {
        _device = device;
        _filter = filter;
        _nanoseconds = device.TimestampResolution == TimestampResolution.Nanosecond;
        DataLink = (int)device.LinkType;
    }

    public override int DataLink { get; }

    /// <summary>The pcap layout's size of what was read (pcapng's blocks are a little larger): close enough for a progress bar.</summary>
    public override long BytesConsumed => _bytesConsumed;

    /// <summary>Opens <paramref name="file"/> with libpcap and compiles <paramref name="filter"/>, if any, for it.</summary>
    /// <exception cref="PcapDiffException">libpcap cannot open the file, or the filter does not compile.</exception>
    public static LibpcapFrameSource Open(string file, string shownAs, string? filter)
    {
        if (LibpcapErrors.Problem(Pcap.LibpcapVersion) is { } problem)
        {
            throw new PcapDiffException(problem);
        }

        var device = new CaptureFileReaderDevice(file);
        try
        {
            device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
            return new LibpcapFrameSource(device, CompileFilter(device, shownAs, filter));
        }
        catch (Exception ex) when (LibpcapErrors.IsLibpcapFailure(ex))
        {
            device.Dispose();
            throw new PcapDiffException($"cannot read {shownAs}: {LibpcapErrors.Message(ex)}", ex);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public override unsafe FrameStatus Next(out FrameHeader header, out ReadOnlySpan<byte> data)
    {
        IntPtr raw = IntPtr.Zero;
        IntPtr bytes = IntPtr.Zero;
        int status = _device.GetNextPacketPointers(ref raw, ref bytes);
        if (status != PacketRead)
        {
            header = default;
            data = default;
            if (status == EndOfFile)
            {
                return FrameStatus.EndOfFile;
            }

            return Fail(status < 0 ? LibpcapErrors.OneLine(_device.LastError) : $"libpcap returned {status} reading a file");
        }

        byte* pcapHeader = (byte*)raw;
        uint captured = NativePacketHeader.CaptureLength(pcapHeader);
        _bytesConsumed += RecordHeaderBytes + captured;
        uint fraction = NativePacketHeader.Fraction(pcapHeader);
        header = new FrameHeader(
            NativePacketHeader.Seconds(pcapHeader),
            _nanoseconds ? fraction : unchecked(fraction * 1000),
            captured,
            NativePacketHeader.WireLength(pcapHeader));
        data = new ReadOnlySpan<byte>((void*)bytes, (int)Math.Min(captured, int.MaxValue));
        return _filter is not null && !_filter.Matches(raw, bytes) ? FrameStatus.FilteredOut : FrameStatus.Frame;
    }

    public override void Dispose()
    {
        _filter?.Dispose();
        _device.Dispose();
    }

    private static BpfProgram? CompileFilter(CaptureFileReaderDevice device, string shownAs, string? expression)
    {
        // pcap_compile's PCAP_NETMASK_UNKNOWN: "ip broadcast" then fails to compile instead of guessing.
        const uint NetmaskUnknown = 0xFFFFFFFF;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return null;
        }

        BpfProgram? program;
        try
        {
            program = BpfProgram.TryCreate(device.Handle, expression, 1, NetmaskUnknown);
        }
        catch (Exception ex) when (LibpcapErrors.IsLibpcapFailure(ex))
        {
            throw new PcapDiffException($"invalid filter \"{expression}\" for {shownAs}: {LibpcapErrors.Message(ex)}", ex);
        }

        return program ?? throw new PcapDiffException(
            $"invalid filter \"{expression}\" for {shownAs}: {LibpcapErrors.OneLine(device.LastError)}");
    }
}
