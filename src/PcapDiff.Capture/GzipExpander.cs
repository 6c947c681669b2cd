using System.IO.Compression;
using PcapDiff.Core;

namespace PcapDiff.Capture;

/// <summary>Decompresses a gzip-compressed capture into a temporary file, because libpcap reads only files.</summary>
internal static class GzipExpander
{
    /// <summary>The most a capture may decompress to before the rest is dropped with a warning.</summary>
    public const long DefaultLimit = 8L << 30;

    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Decompresses <paramref name="path"/> into a new file in <paramref name="directory"/> and returns
    /// its path; the caller deletes it. Damaged gzip data or data past <paramref name="limit"/> is
    /// dropped with a warning.
    /// </summary>
    public static string Expand(string path, long limit, string directory, List<string> warnings)
    {
        string temporary = Path.Combine(directory, $"pcapdiff-{Guid.NewGuid():N}.pcap");
        try
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize);
            byte[] buffer = new byte[BufferSize];
            long total = 0;
            while (true)
            {
                int read;
                try
                {
                    read = gzip.Read(buffer);
                }
                catch (InvalidDataException ex) when (total == 0)
                {
                    throw new PcapDiffException($"{path} starts like a gzip file but cannot be decompressed: {OneLine(ex.Message)}", ex);
                }
                catch (InvalidDataException ex)
                {
                    warnings.Add($"{path}: the gzip data is damaged after {total} decompressed bytes ({OneLine(ex.Message)}); the rest was not read");
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                if (read > limit - total)
                {
                    output.Write(buffer, 0, (int)(limit - total));
                    warnings.Add($"{path}: decompresses to more than {Size(limit)}; only the first {Size(limit)} were read");
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
            throw new PcapDiffException($"cannot decompress {path}: {OneLine(ex.Message)}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Size(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : $"{bytes} bytes";
}
