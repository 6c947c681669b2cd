using System.IO.Compression;
using PcapDiff.Core;

namespace PcapDiff.Capture;

/// <summary>
/// Copies a capture that libpcap cannot read in place (gzip-compressed, or a pipe such as
/// <c>&lt;(zcat x.gz)</c>) into a temporary file, because libpcap reads only plain files.
/// </summary>
internal static class TemporaryCapture
{
    /// <summary>The most a capture may grow to in its temporary copy before the rest is dropped with a warning.</summary>
    public const long DefaultLimit = 8L << 30;

    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Copies <paramref name="path"/> into a new file in <paramref name="directory"/> when it cannot be
    /// read twice (a pipe, a character device); returns null for an ordinary file.
    /// </summary>
    public static string? SpoolIfNotSeekable(string path, long limit, string directory, List<string> warnings)
    {
        FileStream input = Open(path);
        using (input)
        {
            return input.CanSeek ? null : Copy(input, path, limit, directory, warnings, decompress: false);
        }
    }

    /// <summary>
    /// Decompresses <paramref name="file"/> (shown to the user as <paramref name="shownAs"/>) into a new
    /// file in <paramref name="directory"/> and returns its path; the caller deletes it. Damaged gzip
    /// data or data past <paramref name="limit"/> is dropped with a warning.
    /// </summary>
    public static string Decompress(string file, string shownAs, long limit, string directory, List<string> warnings)
    {
        using FileStream input = Open(file, shownAs);
        return Copy(input, shownAs, limit, directory, warnings, decompress: true);
    }

    /// <summary>Deletes a temporary file, ignoring failures (it is in the temp folder anyway).</summary>
    public static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the file sits in the temp folder.
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

    private static string Copy(Stream input, string shownAs, long limit, string directory, List<string> warnings, bool decompress)
    {
        string temporary = Path.Combine(directory, $"pcapdiff-{Guid.NewGuid():N}.pcap");
        try
        {
            using Stream source = decompress ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : input;
            using var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize);
            byte[] buffer = new byte[BufferSize];
            long total = 0;
            while (true)
            {
                int read;
                try
                {
                    read = source.Read(buffer);
                }
                catch (InvalidDataException ex) when (total == 0)
                {
                    throw new PcapDiffException($"{shownAs} starts like a gzip file but cannot be decompressed: {OneLine(ex.Message)}", ex);
                }
                catch (InvalidDataException ex)
                {
                    warnings.Add($"{shownAs}: the gzip data is damaged after {total} decompressed bytes ({OneLine(ex.Message)}); the rest was not read");
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                if (read > limit - total)
                {
                    output.Write(buffer, 0, (int)(limit - total));
                    string what = decompress ? "decompresses to" : "holds";
                    warnings.Add($"{shownAs}: {what} more than {Size(limit)}; only the first {Size(limit)} were read");
                    break;
                }

                output.Write(buffer, 0, read);
                total += read;
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Size(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : $"{bytes} bytes";
}
