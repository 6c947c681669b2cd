namespace PcapDiff.Rendering.View;

/// <summary>One table of the statistics: its heading, an optional line under it, columns, rows and the line counting rows left out.</summary>
/// <param name="Heading">The heading: <c>Hosts (4, by bytes)</c>.</param>
/// <param name="Summary">A line under the heading, or null.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows shown.</param>
/// <param name="More">"… 12 more (--top 0 shows all)", or null.</param>
public sealed record StatsTable(string Heading, string? Summary, IReadOnlyList<StatsColumn> Columns, IReadOnlyList<StatsRow> Rows, string? More);

/// <summary>A column of a statistics table.</summary>
/// <param name="Name">The heading.</param>
/// <param name="IsNumber">Whether it holds numbers (right-aligned).</param>
public sealed record StatsColumn(string Name, bool IsNumber);

/// <summary>A row of a statistics table.</summary>
/// <param name="Cells">One text per column.</param>
/// <param name="Side">Which run alone has the conversation; null when both have it or there is one run.</param>
public sealed record StatsRow(IReadOnlyList<string> Cells, StatsSide? Side = null);

/// <summary>The run a conversation is only in.</summary>
public enum StatsSide
{
    /// <summary>Only the first run has it.</summary>
    Left,

    /// <summary>Only the second run has it.</summary>
    Right,
}
