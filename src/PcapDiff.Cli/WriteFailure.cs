using PcapDiff.Core;

namespace PcapDiff.Cli;

/// <summary>An output that could not be written, in one line: <c>cannot write report.html: No space left on device</c>.</summary>
internal static class WriteFailure
{
    /// <summary>What the user sees for a failed write to <paramref name="target"/> (a path, or "standard output").</summary>
    public static PcapDiffException For(string target, Exception e)
    {
        return new PcapDiffException($"cannot write {target}: {PcapDiffException.ReasonOf(e)}", e);
    }
}
