using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Cli.Commands;

/// <summary>The validated settings of <c>pcapdiff stats CAPTURE [CAPTURE]</c>.</summary>
/// <param name="Paths">One or two captures.</param>
/// <param name="Filter">The BPF filter, or null.</param>
/// <param name="Stats">Labels and rows per table.</param>
/// <param name="Terminal">What the terminal is like.</param>
/// <param name="Json">--json: JSON instead of tables.</param>
internal sealed record StatsSettings(IReadOnlyList<string> Paths, string? Filter, StatsOptions Stats, TerminalOptions Terminal, bool Json);
