using System.Text;
using PcapDiff.Core;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Capture;

/// <summary>
/// Loads one run from a file that is either a capture or a <c>.flows</c> expectation, told apart
/// by content, so a <c>.flows</c> file is accepted wherever a capture is.
/// </summary>
public static class RunLoader
{
    private const int SniffBytes = 64;

    /// <summary>Reads <paramref name="path"/> as a <c>.flows</c> file when it starts like one, else as a capture.</summary>
    /// <exception cref="PcapDiffException">The file is missing, unreadable, not a capture, or a <c>.flows</c> file with a mistake.</exception>
    public static LoadedRun Load(string path, CaptureReaderOptions? readerOptions = null, NormalizationOptions? normalization = null)
    {
        if (IsFlowsFile(path))
        {
            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PcapDiffException($"cannot read {path}: {e.Message.ReplaceLineEndings(" ")}", e);
            }

            var warnings = new List<string>();
            if (!string.IsNullOrWhiteSpace(readerOptions?.Filter))
            {
                warnings.Add($"{path}: the filter does not apply to a .flows file");
            }

            return new LoadedRun(null, FlowsParser.Parse(text, path), warnings);
        }

        var capture = CaptureLoader.Load(path, readerOptions, normalization);
        return new LoadedRun(capture.Read, capture.Flows, capture.Read.Warnings);
    }

    private static bool IsFlowsFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[SniffBytes];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return FlowsParser.LooksLikeFlows(Encoding.UTF8.GetString(head[..read]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Let the capture reader report it in its own words.
            return false;
        }
    }
}
