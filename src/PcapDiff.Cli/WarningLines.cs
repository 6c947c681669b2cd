using PcapDiff.Core.Runs;
using PcapDiff.Rendering;

namespace PcapDiff.Cli;

/// <summary>Where every command tells the user about its inputs: one line each on standard error.</summary>
internal static class WarningLines
{
    /// <summary>Writes <c>pcapdiff: warning: bad.pcap: …</c> for each warning, each on one line.</summary>
    public static void Write(TextWriter error, IEnumerable<RunWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            error.WriteLine($"pcapdiff: warning: {SafeText.Line(warning.ToString())}");
        }
    }
}
