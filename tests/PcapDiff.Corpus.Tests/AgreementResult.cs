namespace PcapDiff.Corpus.Tests;

/// <summary>What <see cref="AgreementCheck"/> found over the corpus.</summary>
internal sealed class AgreementResult
{
    /// <summary>Reference files found.</summary>
    public int ReferenceFiles { get; init; }

    /// <summary>Captures both tools read and whose streams were compared.</summary>
    public int Compared { get; set; }

    /// <summary>Captures tshark could not read (<c>#unreadable</c>), by tshark's reason.</summary>
    public SortedDictionary<string, int> UnreadableByWireshark { get; } = new(StringComparer.Ordinal);

    /// <summary>Captures tshark read and pcapdiff refused (a <c>PcapDiffException</c>), by pcapdiff's reason.</summary>
    public SortedDictionary<string, int> UnreadableByPcapdiff { get; } = new(StringComparer.Ordinal);

    /// <summary>Wireshark streams in captures pcapdiff refused.</summary>
    public int StreamsInUnreadable { get; set; }

    /// <summary>Every stream of every compared capture.</summary>
    public List<StreamComparison> Streams { get; } = [];

    /// <summary>Streams that disagree on packets or bytes and no known difference explains.</summary>
    public IEnumerable<StreamComparison> Unexplained => Streams.Where(s => s.DisagreesOnPacketsOrBytes && s.Explained is null);

    /// <summary>Streams a known difference explains, left out of every column's total.</summary>
    public IEnumerable<StreamComparison> Excused => Streams.Where(s => s.DisagreesOnPacketsOrBytes && s.Explained is not null);

    /// <summary>Adds one to <paramref name="reason"/>'s count in <paramref name="counts"/>.</summary>
    public static void Count(SortedDictionary<string, int> counts, string reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;

    /// <summary>
    /// Agreement on <paramref name="column"/>: streams with a reference row (of the protocol the column
    /// applies to) that no known difference excuses, and how many of them pcapdiff counts the same.
    /// </summary>
    public (int Agree, int Total) Tally(AgreementColumn column, bool? tcp = null)
    {
        var rows = Streams.Where(s => s.Reference is not null && s.Explained is null
            && (!column.TcpOnly || s.IsTcp) && (tcp is null || s.IsTcp == tcp));
        int total = 0;
        int agree = 0;
        foreach (var s in rows)
        {
            total++;
            agree += s.Agrees(column) ? 1 : 0;
        }

        return (agree, total);
    }
}
