using PcapDiff.Rendering.View;
using Spectre.Console;
using static PcapDiff.Rendering.Terminal.TerminalConsole;

namespace PcapDiff.Rendering.Terminal;

/// <summary>
/// A <see cref="StatsView"/> as terminal tables: conversations and endpoints of one capture, or
/// two captures' conversations side by side. Byte counts are exact frame bytes, so they can be
/// checked against Wireshark's Conversations window.
/// </summary>
public sealed class StatsRenderer(TerminalOptions terminal)
{
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Missing = new(Color.Red);
    private static readonly Style Extra = new(Color.Fuchsia);

    /// <summary>Writes the view's tables to <paramref name="output"/>.</summary>
    public void Render(StatsView view, TextWriter output)
    {
        using var trimmed = new LineTrimmingWriter(output);
        var console = TerminalConsole.Create(terminal, trimmed);
        foreach (var table in view.Tables)
        {
            console.WriteLine();
            console.Write(Plain(table.Heading, Bold));
            console.WriteLine();
            if (table.Summary is { } summary)
            {
                console.Write(Plain(summary));
                console.WriteLine();
            }

            console.Write(Draw(table));
            if (table.More is { } more)
            {
                console.Write(Plain("  " + more, Dim));
                console.WriteLine();
            }
        }
    }

    private static Table Draw(StatsTable stats)
    {
        var table = new Table().Border(SimpleBorder).BorderStyle(Dim);
        foreach (var column in stats.Columns)
        {
            var drawn = new TableColumn(Plain(column.Name));
            table.AddColumn(column.IsNumber ? drawn.RightAligned() : drawn);
        }

        foreach (var row in stats.Rows)
        {
            var style = row.Side switch
            {
                StatsSide.Left => Missing,
                StatsSide.Right => Extra,
                _ => Style.Plain,
            };

            // Only the conversation's name and the note say which run alone has it.
            table.AddRow(row.Cells.Select((cell, i) => Plain(cell, i == 0 || i == row.Cells.Count - 1 ? style : Style.Plain)));
        }

        return table;
    }
}
