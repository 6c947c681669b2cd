using PcapDiff.Core;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Runs;

namespace PcapDiff.Capture;

/// <summary>Reads a capture file straight into flows: the read, track and normalize stages in one pass.</summary>
internal static class CaptureLoader
{
    /// <summary>Reads the capture <paramref name="path"/> into a run: its flows, how it was read and its warnings.</summary>
    /// <exception cref="PcapDiffException">The file is missing, not a capture, or cannot be opened.</exception>
    public static Run Load(string path, CaptureReaderOptions? readerOptions = null, NormalizationOptions? normalization = null)
    {
        var assembler = new FlowAssembler(normalization);
        var read = CaptureReader.Read(path, readerOptions ?? new CaptureReaderOptions(), assembler);
        return Run.FromCapture(InputNames.Display(path), read, assembler.Finish());
    }
}
