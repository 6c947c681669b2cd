using PcapDiff.Core.Flows;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Runs;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Reporting;

/// <summary>Two runs in, a report out: verdicts, the first divergence in plain words, and hints.</summary>
public sealed class CaptureComparerTests
{
    [Fact]
    public void Should_explain_the_client_reset_When_comparing_the_good_run_with_the_raw_socket_run()
    {
        var report = Compare(StoryRuns.Good(), StoryRuns.RawSocket());

        Assert.Equal(Verdict.Different, report.Verdict);
        var first = Assert.IsType<FlowPairDiff>(report.FirstDivergence);
        Assert.Equal(PairStatus.Diverged, first.Status);
        var divergence = first.Divergence!;
        Assert.StartsWith("After the server's SYN-ACK (#2) the client sent RST (#3), which the good run's client never sent.", divergence.Description, StringComparison.Ordinal);
        Assert.Contains("The server never acknowledged the client's 5 bytes", divergence.Description, StringComparison.Ordinal);
        Assert.Equal(3, divergence.RightFrame);
        var hint = Assert.Single(first.Hints);
        Assert.Equal("client-rst-after-syn-ack", hint.Id);
        Assert.Equal([2L, 3L], hint.Frames);
    }

    [Fact]
    public void Should_say_the_server_sent_rst_instead_of_syn_ack_When_the_connection_is_refused()
    {
        var report = Compare(StoryRuns.Good(), StoryRuns.Refused());

        var first = Assert.IsType<FlowPairDiff>(report.FirstDivergence);
        Assert.StartsWith("After the client's SYN (#1) the server sent RST (#2) instead of SYN-ACK", first.Divergence!.Description, StringComparison.Ordinal);
        Assert.Equal(2, first.Divergence.LeftFrame);
        Assert.Equal(2, first.Divergence.RightFrame);
        Assert.Equal(["syn-answered-by-rst"], first.Hints.Select(h => h.Id));
    }

    [Fact]
    public void Should_count_the_attempts_When_the_syn_is_never_answered()
    {
        var report = Compare(StoryRuns.Good(), StoryRuns.Unanswered());

        var first = Assert.IsType<FlowPairDiff>(report.FirstDivergence);
        var hint = Assert.Single(first.Hints);
        Assert.Equal("syn-unanswered", hint.Id);
        Assert.Contains("sent 3 times", hint.Title, StringComparison.Ordinal);
        Assert.Contains("stops", first.Divergence!.Description, StringComparison.Ordinal);
        Assert.Contains("2 SYN retries", string.Join(' ', first.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_hint_nxdomain_When_the_bad_run_cannot_resolve_the_collector()
    {
        var report = Compare(StoryRuns.DnsThenNc(), StoryRuns.Nxdomain());

        Assert.Equal(Verdict.Different, report.Verdict);
        var dns = Assert.Single(report.Pairs, p => p.Any.IsDns);
        Assert.Equal(PairStatus.Diverged, dns.Status);
        Assert.Equal(["dns-nxdomain"], dns.Hints.Select(h => h.Id));
        var tcp = Assert.Single(report.Pairs, p => p.Any.Protocol == Transport.Tcp);
        Assert.Equal(PairStatus.OnlyLeft, tcp.Status);
        Assert.Equal(1, report.OnlyLeft);
    }

    [Fact]
    public void Should_hint_port_unreachable_When_the_bad_run_gets_an_icmp_error()
    {
        var good = Conversation.Udp(StoryRuns.ClientAddress, 41000, StoryRuns.ServerAddress, 5000);
        good.ClientDatagram("ping?");
        good.ServerDatagram("pong");

        var report = Compare(good.Finish(), StoryRuns.UdpPortUnreachable());

        var first = Assert.IsType<FlowPairDiff>(report.FirstDivergence);
        Assert.Equal(["icmp-unreachable"], first.Hints.Select(h => h.Id));
        Assert.Contains("nothing listens on UDP port 5000", first.Hints[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_no_hint_When_both_runs_show_the_pattern()
    {
        var report = Compare(StoryRuns.RawSocket("hogehoge\n"), StoryRuns.RawSocket("hoge\n"));

        Assert.Equal(Verdict.Different, report.Verdict);
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(PairStatus.Diverged, pair.Status);
        Assert.Empty(pair.Hints);
    }

    [Fact]
    public void Should_report_equivalent_When_two_good_runs_differ_only_in_addresses_ports_isns_and_times()
    {
        var other = StoryRuns.Good(
            new PacketBuilder(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromSeconds(1))
                .Tcp("198.51.100.7", 50123, "203.0.113.9", StoryRuns.ServicePort),
            0xdead_beef,
            42);

        var report = Compare(StoryRuns.Good(), other);

        Assert.Equal(Verdict.Equivalent, report.Verdict);
        Assert.Null(report.FirstDivergence);
    }

    [Fact]
    public void Should_report_equivalent_When_one_run_has_retransmissions_and_the_other_does_not()
    {
        var c = StoryRuns.Nc();
        c.Client(TcpFlags.Syn, seq: 1000);
        c.Client(TcpFlags.Syn, seq: 1000);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, seq: 5000, ack: 1001);
        c.Client(TcpFlags.Ack, seq: 1001, ack: 5001);
        c.Client(TcpFlags.Psh | TcpFlags.Ack, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Client(TcpFlags.Psh | TcpFlags.Ack, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(TcpFlags.Psh | TcpFlags.Ack, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(TcpFlags.Ack, seq: 1006, ack: 5005);
        c.Server(TcpFlags.Fin | TcpFlags.Ack, seq: 5005, ack: 1006);
        c.Client(TcpFlags.Fin | TcpFlags.Ack, seq: 1006, ack: 5006);
        c.Server(TcpFlags.Ack, seq: 5006, ack: 1007);

        var report = Compare(StoryRuns.Good(), c.Finish());

        Assert.Equal(Verdict.Equivalent, report.Verdict);
        var note = Assert.Single(Assert.Single(report.Pairs).Notes);
        Assert.StartsWith("bad: 1 retransmission, 1 SYN retry recognised", note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoryRuns.Names), MemberType = typeof(StoryRuns))]
    public void Should_report_equivalent_with_no_divergence_When_a_run_is_compared_with_itself(string name)
    {
        var flows = StoryRuns.All[name]();

        var report = Compare(flows, flows);

        Assert.Equal(Verdict.Equivalent, report.Verdict);
        Assert.Null(report.FirstDivergence);
        Assert.Equal(flows.Flows.Count, report.EqualPairs);
        Assert.All(report.Pairs, p =>
        {
            Assert.Equal(PairStatus.Equal, p.Status);
            Assert.Null(p.Divergence);
            Assert.Empty(p.Hints);
        });
    }

    [Theory]
    [MemberData(nameof(StoryRuns.Names), MemberType = typeof(StoryRuns))]
    public void Should_report_equivalent_When_a_run_is_compared_with_a_second_normalization_of_the_same_packets(string name)
    {
        var report = Compare(StoryRuns.All[name](), StoryRuns.All[name]());

        Assert.Equal(Verdict.Equivalent, report.Verdict);
        Assert.Equal(0, report.DivergedPairs + report.OnlyLeft + report.OnlyRight);
    }

    [Fact]
    public void Should_say_what_the_client_sent_instead_When_its_request_is_not_decoded_as_the_good_runs_message()
    {
        var good = FlowsParser.Parse(
            "pcapdiff flows 1\nflow TCP 127.0.0.1:80\n  C→S SYN\n  S→C SYN-ACK\n  C→S ACK\n  C→S HTTP GET /zeek.html\n  C→S DATA 82B \"GET /zeek.html H\"…\n  S→C DATA 51B\n",
            "good.flows");
        var bad = FlowsParser.Parse(
            "pcapdiff flows 1\nflow TCP 127.0.0.1:80\n  C→S SYN\n  S→C SYN-ACK\n  C→S ACK\n  C→S DATA 15B \"GET /zeek.html\\n\"\n  S→C DATA 51B\n",
            "bad.flows");

        var report = Compare(good, bad);

        var divergence = report.FirstDivergence!.Divergence!;
        Assert.Equal("After the server's SYN-ACK (#4) the client sent 15 bytes of data (\"GET /zeek.html\\n\", #6) instead of HTTP GET /zeek.html.", divergence.Description);
        Assert.Equal(6, divergence.RightFrame);
    }

    private static DiffReport Compare(CaptureFlows good, CaptureFlows bad) =>
        CaptureComparer.Compare(
            Run.FromPackets("good.pcap", good) with { Label = "good" },
            Run.FromPackets("bad.pcap", bad) with { Label = "bad" });
}
