using PcapDiff.Core;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;
using PcapDiff.Core.Runs;
using PcapDiff.Capture.Frames;

namespace PcapDiff.Capture;

/// <summary>
/// Reads a pcap, pcapng or gzip-compressed capture, decodes every frame and hands each IP packet to
/// an <see cref="IPacketSink"/>. Unfiltered reads of pcap and pcapng go through the managed readers
/// in <c>Frames/</c>, which read as libpcap does at a fraction of its cost; a BPF filter, and the
/// rare formats those readers leave alone, go through libpcap (SharpPcap's offline reader).
/// </summary>
internal static class CaptureReader
{
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
    /// Also when libpcap is needed (a filter, a rare format) and the system's cannot be loaded or is
    /// too old (a one-line message saying so).
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
        using var input = CaptureInput.Open(path);
        return Read(input, options, sink, copyLimit, temporaryDirectory);
    }

    /// <summary>Reads an input already opened (and sniffed) by <see cref="RunLoader"/>; see <see cref="Read(string, CaptureReaderOptions, IPacketSink)"/>.</summary>
    internal static CaptureReadResult Read(
        CaptureInput input, CaptureReaderOptions options, IPacketSink sink, long copyLimit, string temporaryDirectory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);

        string shownAs = input.ShownAs;
        CaptureFileKind kind = Classify(input.Head, shownAs, decompressed: false);
        var warnings = new List<RunWarning>();

        // A pipe is copied to a file once (the bytes already read first), as libpcap and the second
        // look at a gzip file's contents need a file.
        string? spooled = input.IsFile ? null : TemporaryCapture.Spool(input.Content(), shownAs, copyLimit, temporaryDirectory, warnings);
        try
        {
            string file = spooled ?? input.Path;
            if (kind != CaptureFileKind.Gzip)
            {
                return ReadCapture(shownAs, file, CaptureFileSniffer.FormatName(kind), options, sink, warnings);
            }

            // The decompressed start is classified before anything is written to disk.
            var inner = CaptureFileKind.Unknown;
            string expanded = TemporaryCapture.Decompress(
                file, shownAs, copyLimit, temporaryDirectory, warnings, start => inner = ClassifyDecompressed(start, shownAs));
            try
            {
                return ReadCapture(shownAs, expanded, CaptureFileSniffer.FormatName(inner) + " (gzip)", options, sink, warnings);
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

    private static CaptureFileKind ClassifyDecompressed(ReadOnlySpan<byte> start, string shownAs)
    {
        CaptureFileKind kind = Classify(start, shownAs, decompressed: true);
        return kind != CaptureFileKind.Gzip
            ? kind
            : throw new PcapDiffException($"{shownAs} is compressed twice with gzip, which pcapdiff does not read");
    }

    private static CaptureFileKind Classify(ReadOnlySpan<byte> head, string shownAs, bool decompressed)
    {
        if (head.Length == 0)
        {
            throw new PcapDiffException(decompressed ? $"{shownAs} is empty once decompressed" : $"{shownAs} is empty");
        }

        CaptureFileKind kind = CaptureFileSniffer.Classify(head[..Math.Min(4, head.Length)]);
        return kind != CaptureFileKind.Unknown
            ? kind
            : throw new PcapDiffException(decompressed
                ? $"{shownAs} is compressed with gzip but does not hold a pcap or pcapng capture"
                : $"{shownAs} is not a pcap or pcapng capture");
    }

    private static CaptureReadResult ReadCapture(
        string shownAs, string file, string format, CaptureReaderOptions options, IPacketSink sink, List<RunWarning> warnings)
    {
        using FrameSource source = OpenSource(file, shownAs, options);
        var linkType = (LinkType)source.DataLink;
        if (!Enum.IsDefined(linkType))
        {
            throw new PcapDiffException(
                $"{shownAs} has link type {source.DataLink} ({LinkTypeNames.Of(source.DataLink)}), which pcapdiff does not decode");
        }

        var counts = default(ReadCounts);
        options.Progress?.Start(new FileInfo(file).Length);
        string? readError = ReadFrames(source, linkType, sink, options.Progress, ref counts);

        if (readError is not null)
        {
            // libpcap also stops at what it cannot read in a sound file (a pcapng interface whose
            // snaplen or link type differs from the first one's), and so do the managed readers, in
            // libpcap's words: only "truncated" means damage.
            string what = readError.Contains("truncated", StringComparison.OrdinalIgnoreCase)
                ? "capture ends mid-packet"
                : "reading stopped";
            string where = counts.LastFrameNumber == 0 ? "before the first frame" : $"after frame {counts.LastFrameNumber}";
            warnings.Add(new RunWarning(RunWarningKind.ReadStopped, shownAs, $"{what} {where} ({readError}); the rest was not read") { Frame = counts.LastFrameNumber == 0 ? null : counts.LastFrameNumber });
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
            warnings.Add(new RunWarning(
                RunWarningKind.FramesSkipped, shownAs, $"{skipped} {(skipped == 1 ? "frame" : "frames")} skipped ({detail}): first at frame {counts.FirstSkippedFrame}")
            {
                Frame = counts.FirstSkippedFrame,
            });
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

    /// <summary>
    /// The managed pcap or pcapng reader when there is no filter and the file is one it reads as
    /// libpcap does; else libpcap, which runs the filter and opens the rest (or says why not).
    /// </summary>
    private static FrameSource OpenSource(string file, string shownAs, CaptureReaderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Filter) && !options.UseLibpcap)
        {
            // The pcap probe only peeks: the pcapng one starts from the same first byte.
            FileBuffer buffer = OpenBuffer(file, shownAs);
            FrameSource? managed = PcapFileSource.TryOpen(buffer) ?? (FrameSource?)PcapNgFileSource.TryOpen(buffer);

            if (managed is not null)
            {
                return managed;
            }

            buffer.Dispose();
        }

        return LibpcapFrameSource.Open(file, shownAs, options.Filter);
    }

    private static FileBuffer OpenBuffer(string file, string shownAs)
    {
        try
        {
            return new FileBuffer(new FileStream(
                file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PcapDiffException($"cannot read {shownAs}: {LibpcapErrors.OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>The read loop: no allocation per packet. Returns why reading stopped early, or null at the end of the file.</summary>
    private static string? ReadFrames(
        FrameSource source, LinkType linkType, IPacketSink sink, ReadProgress? progress, ref ReadCounts counts)
    {
        const int ProgressEvery = 4096;
        long frameNumber = 0;
        while (true)
        {
            FrameStatus status = source.Next(out FrameHeader header, out ReadOnlySpan<byte> frame);
            if (source.KeyLogs.Count > 0)
            {
                foreach (byte[] keyLog in source.KeyLogs)
                {
                    sink.OnKeyLog(keyLog);
                }

                source.KeyLogs.Clear();
            }
            if (status is FrameStatus.EndOfFile or FrameStatus.Error)
            {
                progress?.Advance(progress.TotalBytes);
                counts.LastFrameNumber = frameNumber;
                return status == FrameStatus.Error ? source.Error : null;
            }

            frameNumber++;
            if (progress is not null && frameNumber % ProgressEvery == 0)
            {
                progress.Advance(source.BytesConsumed);
            }

            if (status == FrameStatus.FilteredOut)
            {
                if (linkType == LinkType.Ethernet && IsVlanTagged(frame))
                {
                    counts.TaggedFilteredOut++;
                }

                continue;
            }

            counts.Frames++;
            int onWire = (int)Math.Min(header.WireLength, int.MaxValue);
            DateTime timestamp = CaptureTime.ToDateTime(header.Seconds, header.Nanoseconds);
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
    private static bool IsVlanTagged(ReadOnlySpan<byte> frame) =>
        frame.Length >= 14 && ((frame[12] << 8) | frame[13]) is 0x8100 or 0x88a8 or 0x9100;
}
