using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// One stream of one capture as the reference and pcapdiff count it. <see cref="Reference"/> is null
/// for a stream only pcapdiff has, <see cref="Pcapdiff"/> null for one only Wireshark has.
/// </summary>
internal sealed record StreamComparison(string File, ReferenceStream? Reference, PcapdiffStream? Pcapdiff)
{
    /// <summary>The named known difference that explains this stream's disagreement, if one does.</summary>
    public KnownDifference? Explained { get; init; }

    /// <summary>Whether both sides have the stream.</summary>
    public bool IsPaired => Reference is not null && Pcapdiff is not null;

    /// <summary>Whether the stream is TCP.</summary>
    public bool IsTcp => (Reference?.Protocol ?? Pcapdiff!.Protocol) == Transport.Tcp;

    /// <summary>Whether both sides have the stream and give <paramref name="column"/> the same value.</summary>
    public bool Agrees(AgreementColumn column) =>
        IsPaired && column.Value(Reference!.Counts) == column.Value(Pcapdiff!.Counts);

    /// <summary>Whether the stream disagrees on a column that must agree (or exists on one side only).</summary>
    public bool DisagreesOnPacketsOrBytes => AgreementColumn.All.Any(c => c.MustAgree && !Agrees(c));

    /// <summary>How the stream is named in the report: file, Wireshark's stream number or pcapdiff's first frame, endpoints.</summary>
    public string Name
    {
        get
        {
            if (Reference is { } r)
            {
                return $"{File} {r.Name} {r.A} ↔ {r.B} (frame {r.FirstFrame})";
            }

            var p = Pcapdiff!;
            return $"{File} {(IsTcp ? "tcp" : "udp")} (pcapdiff only) {p.A} ↔ {p.B} (frame {p.FirstFrame})";
        }
    }

    /// <summary>Expected (Wireshark) against actual (pcapdiff), for the columns that differ.</summary>
    public string Difference
    {
        get
        {
            if (Reference is null)
            {
                return $"Wireshark has no such stream; pcapdiff counts {Describe(Pcapdiff!.Counts)}";
            }

            if (Pcapdiff is null)
            {
                return $"pcapdiff has no such flow; Wireshark counts {Describe(Reference.Counts)}";
            }

            var differing = AgreementColumn.All
                .Where(c => (!c.TcpOnly || IsTcp) && !Agrees(c))
                .Select(c => $"{c.Name} {c.Value(Reference.Counts)}≠{c.Value(Pcapdiff.Counts)}");
            string firstFrame = Reference.FirstFrame == Pcapdiff.FirstFrame ? "" : $" (first frame {Reference.FirstFrame}≠{Pcapdiff.FirstFrame})";
            return "expected≠actual: " + string.Join(", ", differing) + firstFrame;
        }
    }

    private static string Describe(StreamCounts c) =>
        $"A→B {c.AToB.Packets} pkts {c.AToB.Bytes} B, B→A {c.BToA.Packets} pkts {c.BToA.Bytes} B";
}
