using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering.View;

/// <summary>
/// Which flows a report lists in its flow table and which it shows side by side, the same for the
/// text and the HTML report, with the lines that count what was left out. A short flow list is
/// shown whole; in a long one the equal flows are counted, not listed, and at most
/// <see cref="LongList"/> rows are; at most --max-flows pairs get their side-by-side.
/// </summary>
internal sealed class FlowListing
{
    /// <summary>Flow tables up to this many rows list equal flows too.</summary>
    public const int ShortList = 20;

    /// <summary>Rows a flow table lists at most without --all; a longer list is counted, not read.</summary>
    public const int LongList = 200;

    private readonly int _detailedCount;
    private readonly bool _all;
    private readonly int _equalPairs;

    /// <param name="report">The report.</param>
    /// <param name="showEqualFlows">--all: every flow is listed and shown side by side.</param>
    /// <param name="maxFlowDetails">--max-flows: pairs shown side by side at most; 0 for all.</param>
    public FlowListing(DiffReport report, bool showEqualFlows, int maxFlowDetails)
    {
        bool NeedsDetail(FlowPairDiff pair) => pair.NeedsAttention || showEqualFlows;

        _all = showEqualFlows || report.Pairs.Count <= ShortList;
        _equalPairs = report.EqualPairs;
        var listed = Enumerable.Range(0, report.Pairs.Count).Where(i => _all || NeedsDetail(report.Pairs[i])).ToList();
        Unlisted = showEqualFlows ? 0 : Math.Max(0, listed.Count - LongList);
        Listed = listed.GetRange(0, listed.Count - Unlisted);
        var detailed = Enumerable.Range(0, report.Pairs.Count).Where(i => NeedsDetail(report.Pairs[i])).ToList();
        _detailedCount = detailed.Count;
        Detailed = detailed.GetRange(0, maxFlowDetails > 0 ? Math.Min(maxFlowDetails, detailed.Count) : detailed.Count);
    }

    /// <summary>Indices of the pairs the flow table lists, in report order.</summary>
    public IReadOnlyList<int> Listed { get; }

    /// <summary>Pairs that differ or have hints but are past the table's last row.</summary>
    public int Unlisted { get; }

    /// <summary>Indices of the pairs shown side by side, in report order.</summary>
    public IReadOnlyList<int> Detailed { get; }

    /// <summary>"… 50 more flows that differ or have hints (--all lists every flow)", or null.</summary>
    public string? UnlistedLine => Unlisted > 0 ? $"… {More(Unlisted)} that differ or have hints (--all lists every flow)" : null;

    /// <summary>"and 12 equal flows (--all lists them)" when a long list left the equal flows out, or null.</summary>
    public string? EqualLine => !_all && _equalPairs > 0 ? $"and {_equalPairs} equal {(_equalPairs == 1 ? "flow" : "flows")} (--all lists them)" : null;

    /// <summary>"… 245 more flows not shown in detail (--max-flows 0 shows all).", or null.</summary>
    public string? NotDetailedLine =>
        _detailedCount > Detailed.Count ? $"… {More(_detailedCount - Detailed.Count)} not shown in detail (--max-flows 0 shows all)." : null;

    private static string More(int count) => count == 1 ? "1 more flow" : $"{count} more flows";
}
