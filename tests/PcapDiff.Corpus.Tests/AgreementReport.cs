using System.Globalization;
using System.Text;

namespace PcapDiff.Corpus.Tests;

/// <summary>The agreement table and the disagreeing streams, as the text written to .build/test-results.</summary>
internal static class AgreementReport
{
    /// <summary>The line where the per-stream details begin (tools/test prints the report up to it).</summary>
    public const string DetailsHeading = "Details";

    /// <summary>The whole report.</summary>
    public static string ToText(AgreementResult result, DateTime when)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Agreement with Wireshark (tshark 4.0 reference in corpus/reference), {when:yyyy-MM-dd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"captures: {result.ReferenceFiles} with a reference, {result.Compared} compared, "
            + $"{Sum(result.UnreadableByWireshark)} unreadable by tshark, {Sum(result.UnreadableByPcapdiff)} unreadable by pcapdiff "
            + $"({result.StreamsInUnreadable} Wireshark streams in them)");
        foreach (var (reason, count) in result.UnreadableByWireshark)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  tshark: {count} × {reason}");
        }

        foreach (var (reason, count) in result.UnreadableByPcapdiff)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  pcapdiff: {count} × {reason}");
        }

        var onlyWireshark = result.Streams.Where(s => s.Pcapdiff is null).ToList();
        var onlyPcapdiff = result.Streams.Where(s => s.Reference is null).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"streams: {result.Streams.Count(s => s.Reference is not null)} in Wireshark, "
            + $"{result.Streams.Count(s => s.Pcapdiff is not null)} in pcapdiff, {result.Streams.Count(s => s.IsPaired)} paired; "
            + $"{onlyWireshark.Count} only in Wireshark ({onlyWireshark.Count(s => s.Explained is not null)} excused), "
            + $"{onlyPcapdiff.Count} only in pcapdiff ({onlyPcapdiff.Count(s => s.Explained is not null)} excused)");
        text.AppendLine();

        text.AppendLine("Per column, over Wireshark's streams that no known difference excuses (flags and retransmissions: TCP only):");
        text.AppendLine("column        tcp agree/total      udp agree/total      all agree/total      percent");
        foreach (var column in AgreementColumn.All)
        {
            var tcp = result.Tally(column, tcp: true);
            var udp = result.Tally(column, tcp: false);
            var all = result.Tally(column);
            string udpText = column.TcpOnly ? "-" : Fraction(udp);
            text.AppendLine(CultureInfo.InvariantCulture, $"{column.Name,-12}  {Fraction(tcp),-19}  {udpText,-19}  {Fraction(all),-19}  {Percent(all)}");
        }

        text.AppendLine();
        text.AppendLine("Known differences (streams disagreeing on packets or bytes that a documented rule excuses):");
        foreach (var difference in KnownDifference.All)
        {
            var excused = result.Excused.Where(s => s.Explained == difference).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"  {difference.Name,-24} {excused.Count,4} streams ({excused.Count(s => s.IsTcp)} TCP, {excused.Count(s => !s.IsTcp)} UDP)");
        }

        var unexplained = result.Unexplained.ToList();
        var others = result.Streams.Where(s => s.IsPaired && s.Explained is null && !s.DisagreesOnPacketsOrBytes
            && AgreementColumn.All.Any(c => !c.MustAgree && (!c.TcpOnly || s.IsTcp) && !s.Agrees(c))).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"Unexplained disagreements on packets or bytes (must be none): {unexplained.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Streams agreeing on packets and bytes but not on another column: {others.Count}");
        text.AppendLine();

        text.AppendLine(DetailsHeading);
        foreach (var difference in KnownDifference.All)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {difference.Name}: {difference.Rule}");
            AppendStreams(text, result.Excused.Where(s => s.Explained == difference));
        }

        text.AppendLine();
        text.AppendLine("## unexplained disagreements on packets or bytes:");
        AppendStreams(text, unexplained);
        text.AppendLine();
        text.AppendLine("## streams agreeing on packets and bytes but not on another column:");
        AppendStreams(text, others);
        return text.ToString();
    }

    /// <summary>The first <paramref name="limit"/> streams as lines of file, stream, expected and actual.</summary>
    public static string List(IEnumerable<StreamComparison> streams, int limit)
    {
        var text = new StringBuilder();
        AppendStreams(text, streams.Take(limit));
        return text.ToString();
    }

    private static void AppendStreams(StringBuilder text, IEnumerable<StreamComparison> streams)
    {
        foreach (var s in streams)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {s.Name}: {s.Difference}");
        }
    }

    private static int Sum(SortedDictionary<string, int> counts) => counts.Values.Sum();

    private static string Fraction((int Agree, int Total) t) => $"{t.Agree}/{t.Total}";

    private static string Percent((int Agree, int Total) t) =>
        t.Total == 0 ? "-" : ((double)t.Agree / t.Total).ToString("P2", CultureInfo.InvariantCulture);
}
