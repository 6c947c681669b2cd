using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Cli.Commands;

/// <summary>The validated settings of <c>pcapdiff GOOD BAD</c>.</summary>
/// <param name="Good">The good run's path (- for standard input).</param>
/// <param name="Bad">The bad run's path.</param>
/// <param name="Filter">The BPF filter for both captures, or null.</param>
/// <param name="LeftLabel">What the report calls the good run.</param>
/// <param name="RightLabel">What the report calls the bad run.</param>
/// <param name="Report">What the report shows, in every format.</param>
/// <param name="Terminal">What the terminal is like.</param>
/// <param name="HtmlPath">--html: where to write the HTML report (- for standard output), or null.</param>
/// <param name="Json">--json: JSON instead of text.</param>
/// <param name="Brief">--brief: the text report's verdict line only.</param>
internal sealed record DiffSettings(
    string Good, string Bad, string? Filter, string LeftLabel, string RightLabel, ReportOptions Report, TerminalOptions Terminal, string? HtmlPath, bool Json, bool Brief);
