using PcapDiff.Core;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Capture;

/// <summary>Reads a capture file straight into flows: the read, track and normalize stages in one pass.</summary>
public static class CaptureLoader
{
    /// <summary>Reads <paramref name="path"/> and returns its flows and how it was read.</summary>
    /// <exception cref="PcapDiffException">The file is missing, not a capture, or cannot be opened.</exception>
    public static LoadedCapture Load(string path, CaptureReaderOptions? readerOptions = null, NormalizationOptions? normalization = null)
    {
        var assembler = new FlowAssembler(normalization);
        var read = CaptureReader.Read(path, readerOptions ?? new CaptureReaderOptions(), assembler);
        return new LoadedCapture(read, assembler.Finish());
    }
}
