using PcapDiff.Core;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;
using SharpPcap;
using SharpPcap.LibPcap;

namespace PcapDiff.Capture;

/// <summary>
/// Reads a pcap, pcapng or gzip-compressed capture through libpcap (SharpPcap's offline reader),
/// decodes every frame and hands each IP packet to an <see cref="IPacketSink"/>.
/// </summary>
public static class CaptureReader
{
    // pcap_compile's PCAP_NETMASK_UNKNOWN: "ip broadcast" then fails to compile instead of guessing.
    private const uint NetmaskUnknown = 0xFFFFFFFF;

    private const int PacketRead = 1;

    // pcap_open_offline_with_tstamp_precision, which the nanosecond read below needs, came in 1.5.1.
    private static readonly Version MinimumLibpcap = new(1, 5, 1);

    private const int EndOfFile = -2; // PCAP_ERROR_BREAK, what pcap_next_ex returns at the end of a file

    /// <summary>Reads a capture file.</summary>
    /// <param name="path">
    /// The capture: pcap (µs or ns), pcapng, or either compressed with gzip; a file or a pipe.
    /// </param>
    /// <param name="options">Reading options (the BPF filter).</param>
    /// <param name="sink">Receives every decoded IP packet, in file order.</param>
    /// <returns>
    /// Counts and warnings. A file that is damaged part-way is read up to the damage and the result
    /// carries a warning. Frame numbers count every frame in the file, so they match Wireshark's
    /// even with a filter; the counts in the result (including <see cref="CaptureReadResult.Frames"/>)
    /// cover only the frames that matched the filter.
    /// </returns>
    /// <exception cref="PcapDiffException">
    /// The file is missing, a directory, empty, not a capture, unreadable by libpcap, of a link type
    /// pcapdiff does not decode, or the filter does not compile. The message is one line naming the file.
    /// Also when the system's libpcap cannot be loaded or is too old (a one-line message saying so).
    /// </exception>
    public static CaptureReadResult Read(string path, CaptureReaderOptions options, IPacketSink sink) =>
        Read(path, options, sink, TemporaryCapture.DefaultLimit, Path.GetTempPath());

    /// <summary>
    /// As <see cref="Read(string, CaptureReaderOptions, IPacketSink)"/>, with the size limit for a
    /// temporary copy (of a gzip-compressed file or a pipe) and the folder for it given.
    /// </summary>
    internal static CaptureReadResult Read(
        string path, CaptureReaderOptions options, IPacketSink sink, long copyLimit, string temporaryDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);

        if (Directory.Exists(path))
        {
            throw new PcapDiffException($"{path} is a directory, not a capture file");
        }

        if (!File.Exists(path))
        {
            throw new PcapDiffException($"no such file: {path}");
        }

        var warnings = new List<string>();
        string? spooled = TemporaryCapture.SpoolIfNotSeekable(path, copyLimit, temporaryDirectory, warnings);
        try
        {
            string file = spooled ?? path;
            CaptureFileKind kind = Inspect(file, path, decompressed: false);
            if (kind != CaptureFileKind.Gzip)
            {
                return ReadCapture(path, file, CaptureFileSniffer.FormatName(kind), options, sink, warnings);
            }

            string expanded = TemporaryCapture.Decompress(file, path, copyLimit, temporaryDirectory, warnings);
            try
            {
                CaptureFileKind inner = Inspect(expanded, path, decompressed: true);
                if (inner == CaptureFileKind.Gzip)
                {
                    throw new PcapDiffException($"{path} is compressed twice with gzip, which pcapdiff does not read");
                }

                return ReadCapture(path, expanded, CaptureFileSniffer.FormatName(inner) + " (gzip)", options, sink, warnings);
            }
            finally
            {
                TemporaryCapture.TryDelete(expanded);
            }
        }
        finally
        {
            if (spooled is not null)
            {
                TemporaryCapture.TryDelete(spooled);
            }
        }
    }

    /// <summary>Checks that a file starts like a capture, before libpcap sees it.</summary>
    /// <param name="file">The file to look at.</param>
    /// <param name="shownAs">The name to show the user.</param>
    /// <param name="decompressed">Whether <paramref name="file"/> is the decompressed copy of <paramref name="shownAs"/>.</param>
    private static CaptureFileKind Inspect(string file, string shownAs, bool decompressed)
    {
        Span<byte> magic = stackalloc byte[4];
        int length;
        try
        {
            length = CaptureFileSniffer.ReadMagic(file, magic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PcapDiffException($"cannot read {shownAs}: {OneLine(ex.Message)}", ex);
        }

        if (length == 0)
        {
            throw new PcapDiffException(decompressed ? $"{shownAs} is empty once decompressed" : $"{shownAs} is empty");
        }

        CaptureFileKind kind = CaptureFileSniffer.Classify(magic[..length]);
        return kind != CaptureFileKind.Unknown
            ? kind
            : throw new PcapDiffException(decompressed
                ? $"{shownAs} is compressed with gzip but does not hold a pcap or pcapng capture"
                : $"{shownAs} is not a pcap or pcapng capture");
    }

    private static CaptureReadResult ReadCapture(
        string shownAs, string file, string format, CaptureReaderOptions options, IPacketSink sink, List<string> warnings)
    {
        if (LibpcapProblem(Pcap.LibpcapVersion) is { } problem)
        {
            throw new PcapDiffException(problem);
        }

        using var device = new CaptureFileReaderDevice(file);
        try
        {
            device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
        }
        catch (Exception ex) when (IsLibpcapFailure(ex))
        {
            throw new PcapDiffException($"cannot read {shownAs}: {LibpcapMessage(ex)}", ex);
        }

        int dataLink = (int)device.LinkType;
        var linkType = (LinkType)dataLink;
        if (!Enum.IsDefined(linkType))
        {
            throw new PcapDiffException(
                $"{shownAs} has link type {dataLink} ({LinkTypeNames.Of(dataLink)}), which pcapdiff does not decode");
        }

        bool nanoseconds = device.TimestampResolution == TimestampResolution.Nanosecond;
        using BpfProgram? filter = CompileFilter(device, shownAs, options.Filter);
        var counts = default(ReadCounts);
        options.Progress?.Start(new FileInfo(file).Length);
        string? readError = ReadFrames(device, linkType, nanoseconds, filter, sink, options.Progress, ref counts);

        if (readError is not null)
        {
            // libpcap also stops at what it cannot read in a sound file (a pcapng interface whose
            // snaplen or link type differs from the first one's), so only "truncated" means damage.
            string what = readError.Contains("truncated", StringComparison.OrdinalIgnoreCase)
                ? "capture ends mid-packet"
                : "libpcap stopped reading";
            string where = counts.LastFrameNumber == 0 ? "before the first frame" : $"after frame {counts.LastFrameNumber}";
            warnings.Add($"{shownAs}: {what} {where} ({readError}); the rest was not read");
        }

        long skipped = counts.Truncated + counts.Malformed;
        if (skipped > 0)
        {
            string detail = (counts.Truncated, counts.Malformed) switch
            {
                (0, _) => $"{counts.Malformed} malformed",
                (_, 0) => $"{counts.Truncated} truncated",
                _ => $"{counts.Truncated} truncated, {counts.Malformed} malformed",
            };
            warnings.Add(
                $"{shownAs}: {skipped} {(skipped == 1 ? "frame" : "frames")} skipped ({detail}): first at frame {counts.FirstSkippedFrame}");
        }

        var result = new CaptureReadResult(
            format, linkType, counts.Frames, counts.Decoded, counts.NotIp, counts.Truncated, counts.Malformed, warnings)
        {
            FirstTimestamp = counts.FirstTimestamp,
            LastTimestamp = counts.LastTimestamp,
            Filter = options.Filter,
            FramesInFile = counts.LastFrameNumber,
            TaggedFramesFilteredOut = counts.TaggedFilteredOut,
        };
        if (FilterCoverage.NothingMatched(result, shownAs) is { } nothing)
        {
            warnings.Add(nothing);
        }

        return result;
    }

    /// <summary>The read loop: no allocation per packet. Returns libpcap's error when the file is damaged.</summary>
    private static unsafe string? ReadFrames(
        CaptureFileReaderDevice device, LinkType linkType, bool nanoseconds, BpfProgram? filter, IPacketSink sink, ReadProgress? progress, ref ReadCounts counts)
    {
        const int RecordHeaderBytes = 16;
        const int ProgressEvery = 4096;
        IntPtr header = IntPtr.Zero;
        IntPtr data = IntPtr.Zero;
        long frameNumber = 0;
        long bytesRead = 24;
        while (true)
        {
            int status = device.GetNextPacketPointers(ref header, ref data);
            if (status != PacketRead)
            {
                progress?.Advance(progress.TotalBytes);
                counts.LastFrameNumber = frameNumber;
                return status switch
                {
                    EndOfFile => null,
                    _ when status < 0 => OneLine(device.LastError),
                    _ => $"libpcap returned {status} reading a file",
                };
            }

            frameNumber++;
            if (progress is not null)
            {
                // The pcap layout's size (pcapng's blocks are a little larger): close enough for a progress bar.
                bytesRead += RecordHeaderBytes + NativePacketHeader.CaptureLength((byte*)header);
                if (frameNumber % ProgressEvery == 0)
                {
                    progress.Advance(bytesRead);
                }
            }

            if (filter is not null && !filter.Matches(header, data))
            {
                if (linkType == LinkType.Ethernet && IsVlanTagged((byte*)data, NativePacketHeader.CaptureLength((byte*)header)))
                {
                    counts.TaggedFilteredOut++;
                }

                continue;
            }

            counts.Frames++;
            byte* pcapHeader = (byte*)header;
            int captured = (int)Math.Min(NativePacketHeader.CaptureLength(pcapHeader), int.MaxValue);
            int onWire = (int)Math.Min(NativePacketHeader.WireLength(pcapHeader), int.MaxValue);
            var frame = new ReadOnlySpan<byte>((void*)data, captured);
            DateTime timestamp = NativePacketHeader.Timestamp(pcapHeader, nanoseconds);
            counts.FirstTimestamp ??= timestamp;
            counts.LastTimestamp = timestamp;
            DecodeOutcome outcome = PacketDecoder.Decode(
                linkType, frame, onWire, frameNumber, timestamp, out PacketRecord record, out ReadOnlySpan<byte> payload);
            switch (outcome)
            {
                case DecodeOutcome.Decoded:
                    counts.Decoded++;
                    sink.OnPacket(in record, payload);
                    break;
                case DecodeOutcome.NotIp:
                    counts.NotIp++;
                    break;
                case DecodeOutcome.Truncated:
                    counts.Truncated++;
                    counts.NoteSkipped(frameNumber);
                    break;
                default:
                    counts.Malformed++;
                    counts.NoteSkipped(frameNumber);
                    break;
            }
        }
    }

    /// <summary>Whether an Ethernet frame's EtherType says an 802.1Q, 802.1ad or old QinQ tag follows.</summary>
    private static unsafe bool IsVlanTagged(byte* frame, long captured) =>
        captured >= 14 && ((frame[12] << 8) | frame[13]) is 0x8100 or 0x88a8 or 0x9100;

    private static BpfProgram? CompileFilter(CaptureFileReaderDevice device, string shownAs, string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return null;
        }

        BpfProgram? program;
        try
        {
            program = BpfProgram.TryCreate(device.Handle, expression, 1, NetmaskUnknown);
        }
        catch (Exception ex) when (IsLibpcapFailure(ex))
        {
            throw new PcapDiffException($"invalid filter \"{expression}\" for {shownAs}: {LibpcapMessage(ex)}", ex);
        }

        return program ?? throw new PcapDiffException(
            $"invalid filter \"{expression}\" for {shownAs}: {OneLine(device.LastError)}");
    }

    /// <summary>
    /// What is wrong with the system's libpcap, or null when nothing is. SharpPcap reports a libpcap it
    /// cannot load as version 0.0 and then fails to open any file with a bare PlatformNotSupportedException.
    /// </summary>
    internal static string? LibpcapProblem(Version version)
    {
        if (version >= MinimumLibpcap)
        {
            return null;
        }

        return version == new Version()
            ? "libpcap cannot be loaded: install it (Debian and Ubuntu: apt-get install libpcap0.8)"
            : $"libpcap {version} is too old: pcapdiff needs libpcap {MinimumLibpcap} or later";
    }

    private static bool IsLibpcapFailure(Exception ex) =>
        ex is PcapException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException;

    private static string LibpcapMessage(Exception ex)
    {
        const string OpenPrefix = "Unable to open offline adapter: ";
        if (ex is TypeInitializationException { InnerException: { } inner })
        {
            ex = inner;
        }

        if (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"libpcap cannot be loaded ({OneLine(ex.Message)})";
        }

        string message = OneLine(ex.Message);
        return message.StartsWith(OpenPrefix, StringComparison.Ordinal) ? message[OpenPrefix.Length..] : message;
    }

    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no detail given" : text.ReplaceLineEndings(" ").Trim();
}
