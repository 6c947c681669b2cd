using PcapDiff.Core.Reporting;
using PcapDiff.Core.Runs;

namespace PcapDiff.Rendering.View;

/// <summary>
/// What a report shows, decided once from a <see cref="DiffReport"/> and the <see cref="ReportOptions"/>:
/// the runs, the verdict, the first divergence, the flow table with its caps and columns, the
/// pairs shown side by side and the lines that count what was left out. The text and HTML
/// renderers draw this and nothing else; the JSON renderer takes its words from it and carries
/// every pair of <see cref="Report"/>, since a script reads all of them.
/// </summary>
public sealed class ReportView
{
    private ReportView(DiffReport report, ReportOptions options)
    {
        Report = report;
        Options = options;
        Left = RunView.Of(report.Left);
        Right = RunView.Of(report.Right);
        Summary = $"{report.Paired} flow{Plural(report.Paired)} paired ({report.EqualPairs} equal, {report.DivergedPairs} diverging), "
            + $"{report.OnlyLeft} only in {Left.Label}, {report.OnlyRight} only in {Right.Label}";
        Warnings = [.. report.Left.Warnings.Concat(report.Right.Warnings).Distinct()];
        if (report.FirstDivergence is { Divergence: { } first } pair)
        {
            FirstDivergence = new FirstDivergenceView(
                report.IndexOf(pair),
                first.Row,
                $"{FlowTitles.Service(pair)} {FlowTitles.At(Left.Label, first.LeftFrame, Right.Label, first.RightFrame)}".TrimEnd(),
                first.Description,
                first.LeftFrame,
                first.RightFrame);
        }

        var listing = new FlowListing(report, options.ShowEqualFlows, options.MaxFlowDetails);
        var detailed = new HashSet<int>(listing.Detailed);
        FlowTable = [.. listing.Listed.Select(i => TableRow(report, i, detailed.Contains(i)))];
        ZeekColumn = options.ShowZeek ? $"zeek {Left.Label} / {Right.Label}" : null;
        UnlistedLine = listing.UnlistedLine;
        EqualLine = listing.EqualLine;
        NotDetailedLine = listing.NotDetailedLine;
        Sections = [.. listing.Detailed.Select(i => new PairSection(report, i, options.Context))];
        if (Sections.Count > 0)
        {
            string lines = report.Left.Source == RunSource.Expectation || report.Right.Source == RunSource.Expectation ? " (line numbers for a .flows file)" : string.Empty;
            string moved = listing.Detailed.Any(i => report.Pairs[i].Rows.Any(r => r.Moved)) ? ", ~ in both runs at different places" : string.Empty;
            Legend = $"Rows: ≠ changed, < only in {Left.Label}, > only in {Right.Label}{moved}, ▶ first divergence; #{Left.Label} and #{Right.Label} are frame numbers{lines}.";
        }
    }

    /// <summary>The report the view was made from.</summary>
    public DiffReport Report { get; }

    /// <summary>The options the view was made with.</summary>
    public ReportOptions Options { get; }

    /// <summary>The first run.</summary>
    public RunView Left { get; }

    /// <summary>The second run.</summary>
    public RunView Right { get; }

    /// <summary>The verdict.</summary>
    public Verdict Verdict => Report.Verdict;

    /// <summary>The verdict in one word: <c>EQUIVALENT</c> or <c>DIFFERENT</c>.</summary>
    public string VerdictWord => Verdict == Verdict.Equivalent ? "EQUIVALENT" : "DIFFERENT";

    /// <summary>The counts after the verdict: <c>2 flows paired (1 equal, 1 diverging), 0 only in good, 0 only in bad</c>.</summary>
    public string Summary { get; }

    /// <summary>Warnings about either run, each once.</summary>
    public IReadOnlyList<RunWarning> Warnings { get; }

    /// <summary>The first divergence, or null for equivalent runs.</summary>
    public FirstDivergenceView? FirstDivergence { get; }

    /// <summary>The flow table's rows, in report order.</summary>
    public IReadOnlyList<FlowTableRow> FlowTable { get; }

    /// <summary>The heading of the Zeek column (--zeek), or null when the table has none.</summary>
    public string? ZeekColumn { get; }

    /// <summary>"… 50 more flows that differ or have hints (--all lists every flow)", or null.</summary>
    public string? UnlistedLine { get; }

    /// <summary>"and 12 equal flows (--all lists them)", or null.</summary>
    public string? EqualLine { get; }

    /// <summary>The pairs shown side by side, in report order.</summary>
    public IReadOnlyList<PairSection> Sections { get; }

    /// <summary>"… 245 more flows not shown in detail (--max-flows 0 shows all).", or null.</summary>
    public string? NotDetailedLine { get; }

    /// <summary>What the side-by-side's markers and numbers mean, or null when no pair is shown.</summary>
    public string? Legend { get; }

    /// <summary>The view of <paramref name="report"/> with <paramref name="options"/>.</summary>
    public static ReportView Of(DiffReport report, ReportOptions? options = null) => new(report, options ?? new ReportOptions());

    private FlowTableRow TableRow(DiffReport report, int index, bool hasSection)
    {
        var pair = report.Pairs[index];
        string status = pair.Status switch
        {
            PairStatus.Equal when pair.Hints.Count > 0 => "equal, hint",
            PairStatus.Equal => "equal",
            PairStatus.Diverged => "diverges",
            PairStatus.OnlyLeft => $"only {Left.Label}",
            _ => $"only {Right.Label}",
        };
        return new FlowTableRow(
            index,
            pair.Status,
            status,
            FlowTitles.Service(pair),
            FlowTitles.Volume(pair.Left),
            FlowTitles.Volume(pair.Right),
            Options.ShowZeek ? $"{FlowTitles.Zeek(pair.Left)} / {FlowTitles.Zeek(pair.Right)}" : null,
            hasSection)
        {
            HasHints = pair.Hints.Count > 0,
        };
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
