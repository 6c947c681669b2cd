using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// A documented rule by which pcapdiff counts a stream otherwise than Wireshark's reference (docs/testing.md,
/// "Agreement with Wireshark"). A stream that disagrees on packets or bytes is excused only when one
/// of these rules holds for it; each rule checks the disagreement is of the kind it explains.
/// </summary>
/// <param name="Name">Short name used in the report and in docs/testing.md.</param>
/// <param name="Rule">The rule, in words.</param>
/// <param name="Applies">Whether the rule explains the stream's disagreement.</param>
internal sealed record KnownDifference(string Name, string Rule, Func<StreamComparison, CaptureEvidence, bool> Applies)
{
    /// <summary>Captures in which Wireshark gives up on an IP header that pcapdiff reads, and why.</summary>
    private static readonly Dictionary<string, string> WiresharkMalformed = new(StringComparer.Ordinal)
    {
        ["tcpdump-tests/bigtcp-ipv6.pcap"] = "an IPv6 BIG TCP packet (payload length 0, hop-by-hop jumbo option): pcapdiff takes the frame's length",
        ["tcpdump-tests/ipv4_invalid_total_length_2.pcap"] = "IPv4 total length 19, less than the header: pcapdiff takes the frame's length",
        ["zeek-traces/ipv6-mobility-dst-opts.pcap"] = "Mobile IPv6 destination options Wireshark calls malformed: pcapdiff skips them by their length",
    };

    /// <summary>Every known difference, in the order they are tried.</summary>
    public static IReadOnlyList<KnownDifference> All { get; } =
    [
        new(
            "not-decoded",
            "Wireshark counts frames pcapdiff does not decode as IP: link layers and encapsulations it does not know "
            + "(FabricPath, MACsec, PBB, VN-Tag, NSH, IPv6 in a LINKTYPE_IPV4 file) and frames libpcap does not hand over "
            + "(a pcapng whose interfaces differ in snapshot length). Applies when pcapdiff counts fewer packets than Wireshark, "
            + "and no more packets or bytes in either direction, and at least as many frames of the stream's frame range "
            + "were not decoded as pcapdiff is short of packets.",
            (s, e) => s.Reference is { } r && Shortfall(s) > 0 && NoMore(s)
                && Shortfall(s) <= e.UndecodedFrames(r.FirstFrame, r.LastFrame)),
        new(
            "inner-ip",
            "Wireshark's reference leaves out every packet with a second IP header: tunnels (VXLAN, Geneve, GTP-U, Teredo, "
            + "AYIYA, GRE or MPLS over UDP) and payloads that carry packets (OpenFlow packet-in/out, sFlow samples). pcapdiff "
            + "counts the outer packet. Applies when pcapdiff's counts less its packets whose payload holds an IP header "
            + "equal Wireshark's, packets and bytes, in both directions.",
            (s, e) => s.Pcapdiff is { } p && InnerIpExplains(s, p, e)),
        new(
            "ip-fragments",
            "Wireshark reassembles IP fragments and counts a datagram once, in the frame of its last fragment; pcapdiff "
            + "counts the first fragment (it has the transport header) with that frame's length and never reassembles. "
            + "Applies to streams between two addresses that exchanged non-first fragments of the stream's protocol.",
            (s, e) => e.ExchangedFragments(Protocol(s), Endpoints(s).A.Address, Endpoints(s).B.Address)),
        new(
            "udp-conversation-split",
            "Wireshark's SNMP, ONC-RPC and similar dissectors set up conversations of their own (with a wildcard port), "
            + "so a reply can land in another udp.stream than its request, or in the stream of another port pair; "
            + "pcapdiff keeps every UDP 5-tuple one flow. Applies to UDP streams when the packets and bytes over all UDP "
            + "streams between the same two addresses agree.",
            (s, e) => Protocol(s) == Transport.Udp && AddressPairTotalsAgree(s, e)),
        new(
            "wireshark-malformed",
            "Wireshark stops at an IP header it calls malformed that pcapdiff reads, in these captures only: "
            + string.Join("; ", WiresharkMalformed.Select(m => $"{m.Key} ({m.Value})")) + ". Applies when pcapdiff counts more packets.",
            (s, e) => WiresharkMalformed.ContainsKey(e.File) && Shortfall(s) < 0),
    ];

    private static Transport Protocol(StreamComparison s) => s.Reference?.Protocol ?? s.Pcapdiff!.Protocol;

    private static (Endpoint A, Endpoint B) Endpoints(StreamComparison s) =>
        s.Reference is { } r ? (r.A, r.B) : (s.Pcapdiff!.A, s.Pcapdiff.B);

    private static StreamCounts PcapdiffCounts(StreamComparison s) => s.Pcapdiff?.Counts ?? default;

    private static StreamCounts ReferenceCounts(StreamComparison s) => s.Reference?.Counts ?? default;

    /// <summary>True when pcapdiff counts no more packets and bytes than Wireshark in either direction.</summary>
    private static bool NoMore(StreamComparison s)
    {
        var p = PcapdiffCounts(s);
        var r = ReferenceCounts(s);
        return p.AToB.Packets <= r.AToB.Packets && p.BToA.Packets <= r.BToA.Packets
            && p.AToB.Bytes <= r.AToB.Bytes && p.BToA.Bytes <= r.BToA.Bytes;
    }

    /// <summary>How many packets fewer than Wireshark pcapdiff counts (negative: more).</summary>
    private static long Shortfall(StreamComparison s)
    {
        var p = PcapdiffCounts(s);
        var r = ReferenceCounts(s);
        return r.AToB.Packets + r.BToA.Packets - p.AToB.Packets - p.BToA.Packets;
    }

    private static bool InnerIpExplains(StreamComparison s, PcapdiffStream p, CaptureEvidence e)
    {
        var (toB, toA) = e.InnerIp(p);
        var r = ReferenceCounts(s);
        return toB.Packets + toA.Packets > 0
            && p.Counts.AToB.Packets - toB.Packets == r.AToB.Packets && p.Counts.AToB.Bytes - toB.Bytes == r.AToB.Bytes
            && p.Counts.BToA.Packets - toA.Packets == r.BToA.Packets && p.Counts.BToA.Bytes - toA.Bytes == r.BToA.Bytes;
    }

    private static bool AddressPairTotalsAgree(StreamComparison s, CaptureEvidence e)
    {
        var (a, b) = Endpoints(s);
        bool Between(Endpoint x, Endpoint y) =>
            (x.Address == a.Address && y.Address == b.Address) || (x.Address == b.Address && y.Address == a.Address);
        var reference = e.Streams.Select(c => c.Reference).OfType<ReferenceStream>()
            .Where(r => r.Protocol == Transport.Udp && Between(r.A, r.B))
            .Select(r => r.Counts);
        var pcapdiff = e.Streams.Select(c => c.Pcapdiff).OfType<PcapdiffStream>()
            .Where(p => p.Protocol == Transport.Udp && Between(p.A, p.B))
            .Select(p => p.Counts);
        return Totals(reference) == Totals(pcapdiff);
    }

    /// <summary>
    /// Packets and bytes over both directions: where one Wireshark stream mixes port pairs, the
    /// reference counts a packet as A→B only when it comes from A's address and port, so its
    /// directions do not add up by address.
    /// </summary>
    private static (long Packets, long Bytes) Totals(IEnumerable<StreamCounts> streams) =>
        streams.Aggregate((0L, 0L), (t, c) => (t.Item1 + c.AToB.Packets + c.BToA.Packets, t.Item2 + c.AToB.Bytes + c.BToA.Bytes));
}
