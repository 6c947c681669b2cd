using PcapDiff.Core.Alignment;
using PcapDiff.Core.Reporting;


namespace PcapDiff.Rendering.View;

/// <summary>
/// One pair shown side by side: its title, endpoints, the rows shown and the runs folded, the
/// divergence, hints, notes and Wireshark filters. Rows are made when a renderer asks for them, so
/// a long flow costs only the rows shown.
/// </summary>
public sealed class PairSection
{
    private readonly FlowPairDiff _pair;

    internal PairSection(DiffReport report, int index, int context)
    {
        _pair = report.Pairs[index];
        Pair = index;
        string left = report.Left.Label;
        string right = report.Right.Label;
        Title = FlowTitles.Service(_pair);
        (StatusText, Badge) = _pair.Status switch
        {
            PairStatus.Equal => ("equal", "equal"),
            PairStatus.Diverged => ("diverges", "diverges"),
            PairStatus.OnlyLeft => ($"only in {left}", $"only {left}"),
            _ => ($"only in {right}", $"only {right}"),
        };

        var endpoints = new List<string>(2);
        if (_pair.Left is { } l)
        {
            endpoints.Add($"{left}: {FlowTitles.Endpoints(l)}");
        }

        if (_pair.Right is { } r)
        {
            endpoints.Add($"{right}: {FlowTitles.Endpoints(r)}");
        }

        Endpoints = endpoints;

        // An equal flow is only shown on request (--all), and then in full; a flow only one run has
        // is one long difference, shown from its start.
        Lines = _pair.Status switch
        {
            PairStatus.Equal => [.. Enumerable.Range(0, _pair.Rows.Count).Select(i => new SectionLine(i, 0))],
            PairStatus.OnlyLeft or PairStatus.OnlyRight => RowFolding.Head(_pair.Rows, (2 * context) + 2),
            _ => RowFolding.Fold(_pair.Rows, context),
        };
        Divergence = _pair.Divergence?.Description;
        Hints = [.. _pair.Hints.Select(h => new HintView(
            h.Id,
            h.Title,
            h.Explanation,
            h.Evidence.Count > 0 ? $"Evidence ({right}): {string.Join("; ", h.Evidence)}" : null))];
        Notes = _pair.Notes;
        var filters = new List<WiresharkFilter>(2);
        if (_pair.Divergence is { } d)
        {
            if (WiresharkFilters.ForDivergence(_pair.Left, d, left: true) is { } leftFilter)
            {
                filters.Add(new WiresharkFilter(left, leftFilter));
            }

            if (WiresharkFilters.ForDivergence(_pair.Right, d, left: false) is { } rightFilter)
            {
                filters.Add(new WiresharkFilter(right, rightFilter));
            }
        }

        Filters = filters;
    }

    /// <summary>Index of the pair in the report.</summary>
    public int Pair { get; }

    /// <summary>The pair's status.</summary>
    public PairStatus Status => _pair.Status;

    /// <summary>The service, both runs' where they differ: <c>TCP collector.test:8514 ≠ :8515</c>.</summary>
    public string Title { get; }

    /// <summary>The status in words: <c>diverges</c>, <c>only in good</c>, <c>equal</c>.</summary>
    public string StatusText { get; }

    /// <summary>The status as short as the flow table says it: <c>diverges</c>, <c>only good</c>.</summary>
    public string Badge { get; }

    /// <summary>Each run's endpoints: <c>good: 192.0.2.10:* → 192.0.2.1:8514</c>.</summary>
    public IReadOnlyList<string> Endpoints { get; }

    /// <summary>The rows shown and the folds between them, in order.</summary>
    public IReadOnlyList<SectionLine> Lines { get; }

    /// <summary>Number of aligned rows.</summary>
    public int RowCount => _pair.Rows.Count;

    /// <summary>The divergence in words, or null.</summary>
    public string? Divergence { get; }

    /// <summary>The pair's hints.</summary>
    public IReadOnlyList<HintView> Hints { get; }

    /// <summary>Notes about the pair (what was accepted as the same, what could not be read).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Wireshark display filters that show the divergence in each run.</summary>
    public IReadOnlyList<WiresharkFilter> Filters { get; }

    /// <summary>What a fold of <paramref name="count"/> rows says: <c>3 equal events</c> between differences, <c>3 more events</c> after a one-sided flow's start.</summary>
    public string FoldText(int count) =>
        $"{count} {(_pair.Status == PairStatus.Diverged ? "equal" : "more")} event{(count == 1 ? string.Empty : "s")}";

    /// <summary>Row <paramref name="index"/> of the alignment, as shown.</summary>
    public RowView Row(int index)
    {
        var row = _pair.Rows[index];
        var (kind, marker) = row.Op switch
        {
            AlignmentOp.Equal => (RowKind.Equal, string.Empty),
            AlignmentOp.Changed => (RowKind.Changed, "≠"),
            _ when row.Moved => (RowKind.Moved, "~"),
            AlignmentOp.LeftOnly => (RowKind.LeftOnly, "<"),
            _ => (RowKind.RightOnly, ">"),
        };
        return new RowView(
            index,
            kind,
            marker,
            _pair.Divergence?.Row == index,
            FlowTitles.Frames(row.Left),
            FlowTitles.EventWithAnnotations(row.Left),
            FlowTitles.Frames(row.Right),
            FlowTitles.EventWithAnnotations(row.Right));
    }
}
