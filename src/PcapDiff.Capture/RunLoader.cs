using System.Text;
using PcapDiff.Core;
using PcapDiff.Core.Flows;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Runs;

namespace PcapDiff.Capture;

/// <summary>
/// Loads one run from a file that is either a capture or a <c>.flows</c> expectation, told apart
/// by content, so a <c>.flows</c> file is accepted wherever a capture is. The input is opened once
/// and its first bytes are reused, so a pipe, a FIFO or standard input (<c>-</c>) works as a file does.
/// </summary>
public static class RunLoader
{
    /// <summary>Reads <paramref name="path"/> as a <c>.flows</c> file when it starts like one, else as a capture.</summary>
    /// <param name="path">A file, a pipe or FIFO, or <c>-</c> for standard input.</param>
    /// <param name="readerOptions">How to read a capture.</param>
    /// <param name="normalization">How to normalize its flows.</param>
    /// <exception cref="PcapDiffException">The file is missing, unreadable, not a capture, or a <c>.flows</c> file with a mistake.</exception>
    public static Run Load(string path, CaptureReaderOptions? readerOptions = null, NormalizationOptions? normalization = null)
    {
        using var input = CaptureInput.Open(path);
        if (FlowsParser.LooksLikeFlows(Encoding.UTF8.GetString(input.Head)))
        {
            string text;
            try
            {
                using var reader = new StreamReader(input.Content(), Encoding.UTF8);
                text = reader.ReadToEnd();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PcapDiffException($"cannot read {input.ShownAs}: {PcapDiffException.ReasonOf(e)}", e);
            }

            var warnings = new List<RunWarning>();
            if (!string.IsNullOrWhiteSpace(readerOptions?.Filter))
            {
                warnings.Add(new RunWarning(RunWarningKind.FilterNotApplicable, input.ShownAs, "the filter does not apply to a .flows file"));
            }

            return Run.FromExpectation(InputNames.Display(path), FlowsParser.Parse(text, input.ShownAs), warnings);
        }

        var assembler = new FlowAssembler(normalization);
        var read = CaptureReader.Read(input, readerOptions ?? new CaptureReaderOptions(), assembler, TemporaryCapture.DefaultLimit, Path.GetTempPath());
        return Run.FromCapture(InputNames.Display(path), read, assembler.Finish());
    }
}
