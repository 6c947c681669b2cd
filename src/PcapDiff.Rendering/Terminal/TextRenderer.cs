using PcapDiff.Core.Alignment;
using PcapDiff.Core.Reporting;
using Spectre.Console;
using static PcapDiff.Rendering.Terminal.TerminalConsole;
using Spectre.Console.Rendering;

namespace PcapDiff.Rendering.Terminal;

/// <summary>
/// The side-by-side terminal report: summary and verdict, the flow table, then each diverging flow
/// with both runs' frame numbers on every line, equal runs folded, the divergence in words and hints.
/// Text from captures only ever goes into Spectre <see cref="Text"/> (never markup), already escaped.
/// </summary>
public sealed class TextRenderer(TextRenderOptions options) : IReportRenderer
{
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Changed = new(Color.Yellow);
    private static readonly Style Missing = new(Color.Red);
    private static readonly Style Extra = new(Color.Fuchsia);
    private static readonly Style Good = new(Color.Green);

    /// <inheritdoc />
    public void Render(DiffReport report, TextWriter output)
    {
        using var trimmed = new LineTrimmingWriter(output);
        var console = TerminalConsole.Create(options, trimmed);

        if (options.Brief)
        {
            WriteVerdict(console, report);
            return;
        }

        var listing = new FlowListing(report, options.ShowEqualFlows, options.MaxFlowDetails);
        WriteHeader(console, report);
        WriteFlowTable(console, report, listing);
        var shown = listing.Detailed.Select(i => report.Pairs[i]).ToList();
        if (shown.Count > 0)
        {
            string lines = report.Left.Read is null || report.Right.Read is null ? " (line numbers for a .flows file)" : string.Empty;
            string moved = shown.Any(p => p.Rows.Any(r => r.Moved)) ? ", ~ in both runs at different places" : string.Empty;
            Line(console, $"Rows: ≠ changed, < only in {report.Left.Label}, > only in {report.Right.Label}{moved}, ▶ first divergence; #{report.Left.Label} and #{report.Right.Label} are frame numbers{lines}.", Dim);
            console.WriteLine();
        }

        foreach (var pair in shown)
        {
            WritePair(console, report, pair);
        }

        if (listing.NotDetailedLine is { } notDetailed)
        {
            Line(console, notDetailed, Dim);
        }
    }

    private static void Line(IAnsiConsole console, string text, Style? style = null)
    {
        console.Write(Plain(text, style));
        console.WriteLine();
    }

    private static void WriteHeader(IAnsiConsole console, DiffReport report)
    {
        Line(console, $"{report.Left.Label}: {Side(report.Left)}");
        Line(console, $"{report.Right.Label}: {Side(report.Right)}");
        console.WriteLine();
        WriteVerdict(console, report);

        if (report.FirstDivergence is { Divergence: { } first } pair)
        {
            Line(console, $"First divergence: {FlowTitles.Service(pair)} {FlowTitles.At(report.Left.Label, first.LeftFrame, report.Right.Label, first.RightFrame)}".TrimEnd(), Bold);
            console.Write(new Padder(Plain(first.Description), new Padding(2, 0, 0, 0)));
        }
    }

    /// <summary>The verdict line: <c>DIFFERENT: 2 flows paired (1 equal, 1 diverging), 0 only in good, 0 only in bad</c>.</summary>
    private static void WriteVerdict(IAnsiConsole console, DiffReport report)
    {
        bool same = report.Verdict == Verdict.Equivalent;
        console.Write(Plain(same ? "EQUIVALENT" : "DIFFERENT", same ? Good.Combine(Bold) : Missing.Combine(Bold)));
        Line(console, $": {report.Paired} flow{Plural(report.Paired)} paired ({report.EqualPairs} equal, {report.DivergedPairs} diverging), "
            + $"{report.OnlyLeft} only in {report.Left.Label}, {report.OnlyRight} only in {report.Right.Label}");
    }

    private static string Side(CaptureSide side)
    {
        string frames = side.Read is { } read ? $"{read.Frames} frames, {read.Format}, " : string.Empty;
        return $"{side.Name} ({frames}{side.Flows} flow{Plural(side.Flows)})";
    }

    private void WriteFlowTable(IAnsiConsole console, DiffReport report, FlowListing listing)
    {
        var table = new Table().Border(SimpleBorder).BorderStyle(Dim);
        table.AddColumn(new TableColumn(Plain("status")));
        table.AddColumn(new TableColumn(Plain("flow")));
        table.AddColumn(new TableColumn(Plain(report.Left.Label)).RightAligned());
        table.AddColumn(new TableColumn(Plain(report.Right.Label)).RightAligned());
        if (options.ShowZeek)
        {
            table.AddColumn(new TableColumn(Plain($"zeek {report.Left.Label} / {report.Right.Label}")));
        }

        foreach (var pair in listing.Listed.Select(i => report.Pairs[i]))
        {
            var (status, style) = pair.Status switch
            {
                PairStatus.Equal when pair.Hints.Count > 0 => ("equal, hint", Changed),
                PairStatus.Equal => ("equal", Dim),
                PairStatus.Diverged => ("DIVERGES", Changed),
                PairStatus.OnlyLeft => ($"only {report.Left.Label}", Missing),
                _ => ($"only {report.Right.Label}", Extra),
            };
            var cells = new List<IRenderable>
            {
                Plain(status, style),
                Plain(FlowTitles.Service(pair)),
                Plain(FlowTitles.Volume(pair.Left)),
                Plain(FlowTitles.Volume(pair.Right)),
            };
            if (options.ShowZeek)
            {
                cells.Add(Plain($"{FlowTitles.Zeek(pair.Left)} / {FlowTitles.Zeek(pair.Right)}"));
            }

            table.AddRow(cells);
        }

        // The table's blank top and bottom borders separate it from what is around it.
        console.Write(table);
        if (listing.UnlistedLine is { } unlisted)
        {
            Line(console, "  " + unlisted, Dim);
        }

        if (listing.EqualLine is { } equal)
        {
            Line(console, "  " + equal, Dim);
            console.WriteLine();
        }
    }

    private void WritePair(IAnsiConsole console, DiffReport report, FlowPairDiff pair)
    {
        string status = pair.Status switch
        {
            PairStatus.Equal => "equal",
            PairStatus.Diverged => "diverges",
            PairStatus.OnlyLeft => $"only in {report.Left.Label}",
            _ => $"only in {report.Right.Label}",
        };
        Line(console, $"━━ {FlowTitles.Service(pair)}  [{status}]", Bold);
        if (pair.Left is { } left)
        {
            Line(console, $"   {report.Left.Label}: {FlowTitles.Endpoints(left)}", Dim);
        }

        if (pair.Right is { } right)
        {
            Line(console, $"   {report.Right.Label}: {FlowTitles.Endpoints(right)}", Dim);
        }

        console.Write(SideBySide(report, pair));
        if (pair.Divergence is { } divergence)
        {
            console.Write(new Padder(Plain("Divergence: " + divergence.Description, Bold), new Padding(2, 0, 0, 0)));
        }

        foreach (var hint in pair.Hints)
        {
            console.Write(Plain("  Hint: ", Changed.Combine(Bold)));
            Line(console, hint.Title, Bold);
            console.Write(new Padder(Plain(hint.Explanation), new Padding(8, 0, 0, 0)));
            if (hint.Evidence.Count > 0)
            {
                console.Write(new Padder(Plain($"Evidence ({report.Right.Label}): {string.Join("; ", hint.Evidence)}", Dim), new Padding(8, 0, 0, 0)));
            }
        }

        foreach (var note in pair.Notes)
        {
            console.Write(new Padder(Plain("Note: " + note, Dim), new Padding(2, 0, 0, 0)));
        }

        console.WriteLine();
    }

    private Table SideBySide(DiffReport report, FlowPairDiff pair)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders();
        table.AddColumn(new TableColumn(string.Empty).PadLeft(2).PadRight(1));
        table.AddColumn(new TableColumn(string.Empty).RightAligned().PadRight(1));
        table.AddColumn(new TableColumn(string.Empty).PadRight(3));
        table.AddColumn(new TableColumn(string.Empty).RightAligned().PadRight(1));
        table.AddColumn(new TableColumn(string.Empty));
        table.AddRow(Cells(Dim, string.Empty, $"#{report.Left.Label}", report.Left.Label, $"#{report.Right.Label}", report.Right.Label));

        int divergenceRow = pair.Divergence?.Row ?? -1;
        // An equal flow is only shown on request (--all), and then in full.
        var lines = pair.Status switch
        {
            PairStatus.Equal => Enumerable.Range(0, pair.Rows.Count).Select(i => new RowFolding.Line(i, 0)),
            PairStatus.OnlyLeft or PairStatus.OnlyRight => RowFolding.Head(pair.Rows, (2 * options.Context) + 2),
            _ => RowFolding.Fold(pair.Rows, options.Context),
        };
        foreach (var line in lines)
        {
            if (line.Index < 0)
            {
                table.AddRow(Cells(Dim, string.Empty, string.Empty, pair.Status is PairStatus.Diverged ? $"… {line.Folded} equal event{Plural(line.Folded)} …" : $"… {line.Folded} more event{Plural(line.Folded)} …", string.Empty, string.Empty));
                continue;
            }

            var row = pair.Rows[line.Index];
            var (marker, style) = row.Op switch
            {
                AlignmentOp.Equal => (" ", Style.Plain),
                AlignmentOp.Changed => ("≠", Changed),
                _ when row.Moved => ("~", Changed),
                AlignmentOp.LeftOnly => ("<", Missing),
                _ => (">", Extra),
            };
            if (line.Index == divergenceRow)
            {
                marker = "▶" + marker.Trim();
            }

            table.AddRow(Cells(
                style,
                marker,
                FlowTitles.Frames(row.Left),
                FlowTitles.EventWithAnnotations(row.Left),
                FlowTitles.Frames(row.Right),
                FlowTitles.EventWithAnnotations(row.Right)));
        }

        return table;
    }

    private static IRenderable[] Cells(Style style, params string[] texts) =>
        Array.ConvertAll(texts, t => (IRenderable)Plain(t, style));

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
