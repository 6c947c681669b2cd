using System.Collections.Concurrent;
using System.IO.Compression;
using PcapDiff.Core;
using PcapDiff.Core.Runs;

namespace PcapDiff.Capture;

/// <summary>
/// Copies a capture that cannot be read in place (gzip-compressed, or a pipe such as
/// <c>&lt;(zcat x.gz)</c>) into a temporary file. Every such file is known until it is deleted, so
/// an interrupted run can remove them (<see cref="DeleteAll"/>).
/// </summary>
public static class TemporaryCapture
{
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);
    private static volatile bool _closing;

    /// <summary>The most a capture may grow to in its temporary copy before the rest is dropped with a warning.</summary>
    internal const long DefaultLimit = 8L << 30;

    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Copies what a pipe, FIFO or standard input holds (from its first byte) into a new file in
    /// <paramref name="directory"/> and returns its path; the caller deletes it.
    /// </summary>
    internal static string Spool(Stream content, string shownAs, long limit, string directory, List<RunWarning> warnings)
    {
        using (content)
        {
            return Copy(content, shownAs, limit, directory, warnings, decompress: false, inspect: null);
        }
    }

    /// <summary>
    /// Decompresses <paramref name="file"/> (shown to the user as <paramref name="shownAs"/>) into a new
    /// file in <paramref name="directory"/> and returns its path; the caller deletes it. Damaged gzip
    /// data or data past <paramref name="limit"/> is dropped with a warning. The first decompressed
    /// bytes (up to 4) go to <paramref name="inspect"/> before anything is written; it throws to refuse them.
    /// </summary>
    internal static string Decompress(
        string file, string shownAs, long limit, string directory, List<RunWarning> warnings, Action<ReadOnlySpan<byte>> inspect)
    {
        using FileStream input = Open(file, shownAs);
        return Copy(input, shownAs, limit, directory, warnings, decompress: true, inspect);
    }

    /// <summary>Deletes a temporary file, ignoring failures (it is in the temp folder anyway).</summary>
    internal static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the file sits in the temp folder.
        }

        Live.TryRemove(temporary, out _);
    }

    /// <summary>
    /// Deletes every temporary copy still there: for a run ended by a signal (Ctrl-C, SIGTERM) while
    /// it was reading. Safe to call from any thread at any time.
    /// </summary>
    public static void DeleteAll()
    {
        _closing = true;
        foreach (string temporary in Live.Keys)
        {
            TryDelete(temporary);
        }
    }

    private static FileStream Open(string file, string? shownAs = null)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PcapDiffException($"cannot read {shownAs ?? file}: {OneLine(ex.Message)}", ex);
        }
    }

    private static string Copy(
        Stream input, string shownAs, long limit, string directory, List<RunWarning> warnings, bool decompress, Action<ReadOnlySpan<byte>>? inspect)
    {
        string temporary = Path.Combine(directory, $"pcapdiff-{Guid.NewGuid():N}.pcap");
        try
        {
            using Stream source = decompress ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : input;
            byte[] buffer = new byte[BufferSize];
            long total = 0;

            // The first bytes are looked at before the file exists: a gzip file that holds no capture writes nothing.
            int held = 0;
            int read;
            while ((read = ReadSome(source, buffer.AsSpan(held), total + held, shownAs, warnings)) > 0 && held + read < 4)
            {
                held += read;
            }

            held += Math.Max(read, 0);
            inspect?.Invoke(buffer.AsSpan(0, Math.Min(held, 4)));

            Live[temporary] = 0;
            if (_closing)
            {
                // The run is ending: make no new copy (the one just registered is deleted below).
                throw new PcapDiffException("interrupted");
            }

            using var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize);
            while (held > 0)
            {
                if (held > limit - total)
                {
                    output.Write(buffer, 0, (int)(limit - total));
                    string what = decompress ? "decompresses to" : "holds";
                    warnings.Add(new RunWarning(RunWarningKind.InputTooLarge, shownAs, $"{what} more than {Size(limit)}; only the first {Size(limit)} were read"));
                    break;
                }

                output.Write(buffer, 0, held);
                total += held;
                if (read < 0)
                {
                    break;
                }

                held = read = ReadSome(source, buffer, total, shownAs, warnings);
            }

            return temporary;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new PcapDiffException($"cannot {(decompress ? "decompress" : "read")} {shownAs}: {OneLine(ex.Message)}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Reads what comes next: 0 at the end, -1 where gzip data is damaged after <paramref name="total"/>
    /// good bytes (with a warning); damage before the first byte is an error.
    /// </summary>
    private static int ReadSome(Stream source, Span<byte> buffer, long total, string shownAs, List<RunWarning> warnings)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        try
        {
            return source.Read(buffer);
        }
        catch (InvalidDataException ex) when (total == 0)
        {
            throw new PcapDiffException($"{shownAs} starts like a gzip file but cannot be decompressed: {OneLine(ex.Message)}", ex);
        }
        catch (InvalidDataException ex)
        {
            warnings.Add(new RunWarning(RunWarningKind.CompressionDamaged, shownAs, $"the gzip data is damaged after {total} decompressed bytes ({OneLine(ex.Message)}); the rest was not read"));
            return -1;
        }
    }

    private static string OneLine(string text) => PcapDiffException.OneLine(text);

    private static string Size(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : $"{bytes} bytes";
}
