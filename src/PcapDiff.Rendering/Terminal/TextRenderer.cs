using PcapDiff.Core.Reporting;
using PcapDiff.Rendering.View;
using Spectre.Console;
using Spectre.Console.Rendering;
using static PcapDiff.Rendering.Terminal.TerminalConsole;

namespace PcapDiff.Rendering.Terminal;

/// <summary>
/// The side-by-side terminal report: summary and verdict, the flow table, then each pair the view
/// shows with both runs' frame numbers on every line, equal runs folded, the divergence in words and hints.
/// Text from captures only ever goes into Spectre <see cref="Text"/> (never markup), already escaped.
/// </summary>
/// <param name="terminal">What the terminal is like.</param>
/// <param name="brief">Only the verdict line, as <c>diff -q</c> says only whether files differ (--brief).</param>
public sealed class TextRenderer(TerminalOptions terminal, bool brief = false) : IReportRenderer
{
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Changed = new(Color.Yellow);
    private static readonly Style Missing = new(Color.Red);
    private static readonly Style Extra = new(Color.Fuchsia);
    private static readonly Style Good = new(Color.Green);

    /// <inheritdoc />
    public void Render(ReportView view, TextWriter output)
    {
        using var trimmed = new LineTrimmingWriter(output);
        var console = TerminalConsole.Create(terminal, trimmed);

        if (brief)
        {
            WriteVerdict(console, view);
            return;
        }

        WriteHeader(console, view);
        WriteFlowTable(console, view);
        if (view.Legend is { } legend)
        {
            Line(console, legend, Dim);
            console.WriteLine();
        }

        foreach (var section in view.Sections)
        {
            WriteSection(console, view, section);
        }

        if (view.NotDetailedLine is { } notDetailed)
        {
            Line(console, notDetailed, Dim);
        }
    }

    private static void Line(IAnsiConsole console, string text, Style? style = null)
    {
        console.Write(Plain(text, style));
        console.WriteLine();
    }

    private static void WriteHeader(IAnsiConsole console, ReportView view)
    {
        Line(console, $"{view.Left.Label}: {view.Left.Description}");
        Line(console, $"{view.Right.Label}: {view.Right.Description}");
        console.WriteLine();
        WriteVerdict(console, view);

        if (view.FirstDivergence is { } first)
        {
            Line(console, $"First divergence: {first.Title}", Bold);
            console.Write(new Padder(Plain(first.Description), new Padding(2, 0, 0, 0)));
        }
    }

    /// <summary>The verdict line: <c>DIFFERENT: 2 flows paired (1 equal, 1 diverging), 0 only in good, 0 only in bad</c>.</summary>
    private static void WriteVerdict(IAnsiConsole console, ReportView view)
    {
        bool same = view.Verdict == Verdict.Equivalent;
        console.Write(Plain(view.VerdictWord, same ? Good.Combine(Bold) : Missing.Combine(Bold)));
        Line(console, $": {view.Summary}");
    }

    private static void WriteFlowTable(IAnsiConsole console, ReportView view)
    {
        var table = new Table().Border(SimpleBorder).BorderStyle(Dim);
        table.AddColumn(new TableColumn(Plain("status")));
        table.AddColumn(new TableColumn(Plain("flow")));
        table.AddColumn(new TableColumn(Plain(view.Left.Label)).RightAligned());
        table.AddColumn(new TableColumn(Plain(view.Right.Label)).RightAligned());
        if (view.ZeekColumn is { } zeek)
        {
            table.AddColumn(new TableColumn(Plain(zeek)));
        }

        foreach (var row in view.FlowTable)
        {
            var style = row.Status switch
            {
                PairStatus.Equal when row.HasHints => Changed,
                PairStatus.Equal => Dim,
                PairStatus.Diverged => Changed,
                PairStatus.OnlyLeft => Missing,
                _ => Extra,
            };

            // A terminal has no badges: a diverging flow's status is in capitals to stand out in grey.
            string status = row.Status == PairStatus.Diverged ? row.StatusText.ToUpperInvariant() : row.StatusText;
            var cells = new List<IRenderable>
            {
                Plain(status, style),
                Plain(row.Service),
                Plain(row.LeftVolume),
                Plain(row.RightVolume),
            };
            if (row.Zeek is { } history)
            {
                cells.Add(Plain(history));
            }

            table.AddRow(cells);
        }

        // The table's blank top and bottom borders separate it from what is around it.
        console.Write(table);
        if (view.UnlistedLine is { } unlisted)
        {
            Line(console, "  " + unlisted, Dim);
        }

        if (view.EqualLine is { } equal)
        {
            Line(console, "  " + equal, Dim);
            console.WriteLine();
        }
    }

    private static void WriteSection(IAnsiConsole console, ReportView view, PairSection section)
    {
        Line(console, $"━━ {section.Title}  [{section.StatusText}]", Bold);
        foreach (string endpoints in section.Endpoints)
        {
            Line(console, "   " + endpoints, Dim);
        }

        console.Write(SideBySide(view, section));
        if (section.Divergence is { } divergence)
        {
            console.Write(new Padder(Plain("Divergence: " + divergence, Bold), new Padding(2, 0, 0, 0)));
        }

        foreach (var hint in section.Hints)
        {
            console.Write(Plain("  Hint: ", Changed.Combine(Bold)));
            Line(console, hint.Title, Bold);
            console.Write(new Padder(Plain(hint.Explanation), new Padding(8, 0, 0, 0)));
            if (hint.Evidence is { } evidence)
            {
                console.Write(new Padder(Plain(evidence, Dim), new Padding(8, 0, 0, 0)));
            }
        }

        foreach (string note in section.Notes)
        {
            console.Write(new Padder(Plain("Note: " + note, Dim), new Padding(2, 0, 0, 0)));
        }

        console.WriteLine();
    }

    private static Table SideBySide(ReportView view, PairSection section)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders();
        table.AddColumn(new TableColumn(string.Empty).PadLeft(2).PadRight(1));
        table.AddColumn(new TableColumn(string.Empty).RightAligned().PadRight(1));
        table.AddColumn(new TableColumn(string.Empty).PadRight(3));
        table.AddColumn(new TableColumn(string.Empty).RightAligned().PadRight(1));
        table.AddColumn(new TableColumn(string.Empty));
        table.AddRow(Cells(Dim, string.Empty, $"#{view.Left.Label}", view.Left.Label, $"#{view.Right.Label}", view.Right.Label));

        foreach (var line in section.Lines)
        {
            if (line.IsFold)
            {
                table.AddRow(Cells(Dim, string.Empty, string.Empty, $"… {section.FoldText(line.Folded)} …", string.Empty, string.Empty));
                continue;
            }

            var row = section.Row(line.Row);
            var style = row.Kind switch
            {
                RowKind.Equal => Style.Plain,
                RowKind.Changed or RowKind.Moved => Changed,
                RowKind.LeftOnly => Missing,
                _ => Extra,
            };
            string marker = row.IsFirstDivergence ? "▶" + row.Marker : row.Marker.PadLeft(1);
            table.AddRow(Cells(style, marker, row.LeftFrames, row.LeftEvent, row.RightFrames, row.RightEvent));
        }

        return table;
    }

    private static IRenderable[] Cells(Style style, params string[] texts) =>
        Array.ConvertAll(texts, t => (IRenderable)Plain(t, style));
}
