using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Alignment;

/// <summary>Left flows paired with right flows by service, then by order.</summary>
public sealed class FlowMatcherTests
{
    [Fact]
    public void Should_pair_dns_flows_by_the_name_queried_When_other_lookups_come_first_on_one_side()
    {
        var leftCapture = new PacketBuilder();
        StoryRuns.Lookup(leftCapture, 51000, "collector.test");
        var left = leftCapture.Finish().Flows;
        var rightCapture = new PacketBuilder();
        StoryRuns.Lookup(rightCapture, 52000, "time.test");
        StoryRuns.Lookup(rightCapture, 52001, "update.test");
        StoryRuns.Lookup(rightCapture, 52002, "collector.test");
        var right = rightCapture.Finish().Flows;

        var matches = FlowMatcher.Pair(left, right);

        AssertEachFlowOnce(matches, left, right);
        var pair = Assert.Single(matches, m => m.Left is not null && m.Right is not null);
        Assert.Equal("collector.test", pair.Left!.QueryName);
        Assert.Equal("collector.test", pair.Right!.QueryName);
    }

    [Fact]
    public void Should_pair_an_ipv4_flow_with_an_ipv6_flow_When_both_reach_the_same_server_name_and_port()
    {
        var leftCapture = new PacketBuilder();
        var decoy = leftCapture.Tcp(StoryRuns.ClientAddress, 43000, "203.0.113.5", StoryRuns.ServicePort);
        StoryRuns.GoodExchange(decoy, 1, 2);
        var dns4 = leftCapture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns4.ClientDatagram(DnsWire.Query(1, "collector.test"));
        dns4.ServerDatagram(DnsWire.Answer(1, "collector.test", StoryRuns.ServerAddress));
        StoryRuns.GoodExchange(StoryRuns.Nc(leftCapture), 1000, 5000);
        var left = leftCapture.Finish().Flows;

        var rightCapture = new PacketBuilder();
        var dns6 = rightCapture.Udp("2001:db8::10", 51000, "2001:db8::53", 53);
        dns6.ClientDatagram(DnsWire.Query(2, "collector.test", DnsWire.TypeAaaa));
        dns6.ServerDatagram(DnsWire.Answer(2, "collector.test", "2001:db8::1"));
        StoryRuns.GoodExchange(rightCapture.Tcp("2001:db8::10", 50000, "2001:db8::1", StoryRuns.ServicePort), 3000, 4000);
        var right = rightCapture.Finish().Flows;

        var matches = FlowMatcher.Pair(left, right);

        AssertEachFlowOnce(matches, left, right);
        var tcp = Assert.Single(matches, m => m.Left?.Protocol == Transport.Tcp && m.Right is not null);
        Assert.Equal("collector.test", tcp.Left!.ServerName);
        Assert.Equal(IpAddress.Parse("2001:db8::1"), tcp.Right!.Server.Address);
        Assert.Contains(matches, m => m.Left is { Server.Port: StoryRuns.ServicePort, ServerName: null } && m.Right is null);
    }

    [Fact]
    public void Should_leave_an_extra_flow_one_sided_without_shifting_later_pairs_When_the_right_run_has_one_more()
    {
        var left = StoryRuns.Connections(("hoge\n", 40000), ("fuga\n", 40001), ("piyo\n", 40002));
        var right = StoryRuns.Connections(("hoge\n", 41000), ("extra\n", 41001), ("fuga\n", 41002), ("piyo\n", 41003));

        var matches = FlowMatcher.Pair(left, right);

        AssertEachFlowOnce(matches, left, right);
        Assert.Equal(4, matches.Count);
        Assert.Equal(
            [(0, 0), (-1, 1), (1, 2), (2, 3)],
            matches.Select(m => (m.Left?.Index ?? -1, m.Right?.Index ?? -1)));
    }

    [Fact]
    public void Should_leave_a_missing_flow_one_sided_without_shifting_later_pairs_When_the_right_run_has_one_fewer()
    {
        var left = StoryRuns.Connections(("hoge\n", 40000), ("fuga\n", 40001), ("piyo\n", 40002));
        var right = StoryRuns.Connections(("hoge\n", 41000), ("piyo\n", 41001));

        var matches = FlowMatcher.Pair(left, right);

        AssertEachFlowOnce(matches, left, right);
        Assert.Equal(
            [(0, 0), (1, -1), (2, 1)],
            matches.Select(m => (m.Left?.Index ?? -1, m.Right?.Index ?? -1)));
    }

    [Fact]
    public void Should_pair_flows_by_port_When_the_servers_have_different_addresses_and_no_names()
    {
        var left = StoryRuns.Good().Flows;
        var right = StoryRuns.Good(Conversation.Tcp("198.51.100.7", 50123, "203.0.113.9", StoryRuns.ServicePort), 1, 2).Flows;

        var match = Assert.Single(FlowMatcher.Pair(left, right));

        Assert.Same(left[0], match.Left);
        Assert.Same(right[0], match.Right);
    }

    [Fact]
    public void Should_not_pair_flows_When_their_protocols_differ()
    {
        var left = StoryRuns.Ping().Flows;
        var right = StoryRuns.UdpDatagrams().Flows;

        var matches = FlowMatcher.Pair(left, right);

        AssertEachFlowOnce(matches, left, right);
        Assert.DoesNotContain(matches, m => m.Left is not null && m.Right is not null);
    }

    [Fact]
    public void Should_pair_every_flow_with_itself_When_a_run_is_matched_with_itself()
    {
        var capture = new PacketBuilder();
        StoryRuns.Lookup(capture, 51000, "collector.test");
        StoryRuns.Lookup(capture, 51001, "collector.test");
        StoryRuns.GoodExchange(StoryRuns.Nc(capture, 43000), 1, 2);
        StoryRuns.GoodExchange(StoryRuns.Nc(capture, 43001), 1, 2);
        var flows = capture.Finish().Flows;

        var matches = FlowMatcher.Pair(flows, flows);

        Assert.Equal(flows.Count, matches.Count);
        Assert.All(matches, m => Assert.Same(m.Left, m.Right));
        Assert.Equal(flows, matches.Select(m => m.Left));
    }

    [Fact]
    public void Should_leave_every_flow_one_sided_in_capture_order_When_a_scan_meets_an_empty_capture()
    {
        var scan = Scan(20_000);

        var matches = FlowMatcher.Pair(scan, []);

        AssertEachFlowOnce(matches, scan, []);
        Assert.Equal(scan.Select(f => f.Index), matches.Select(m => m.Left!.Index));
    }

    [Fact]
    public void Should_place_each_right_only_flow_after_the_pair_of_its_predecessor_When_a_scan_meets_a_short_run()
    {
        var scan = Scan(20_000);
        var shortRun = Scan(3);

        var matches = FlowMatcher.Pair(shortRun, scan);

        AssertEachFlowOnce(matches, shortRun, scan);
        var paired = matches.Where(m => m.Left is not null && m.Right is not null).ToList();
        Assert.Equal(3, paired.Count);
        // Right-only flows come after every pair whose right flow precedes them: the right order is kept.
        Assert.Equal(scan.Select(f => f.Index), matches.Select(m => m.Right!.Index));
    }

    /// <summary>One-SYN flows from one client to ports 1, 2, 3, … of the server: a port scan.</summary>
    private static IReadOnlyList<Flow> Scan(int ports)
    {
        var capture = new PacketBuilder();
        for (int port = 1; port <= ports; port++)
        {
            var c = capture.Tcp(StoryRuns.ClientAddress, 40000, StoryRuns.ServerAddress, (ushort)port);
            c.Client(TcpFlags.Syn, seq: 100);
        }

        return capture.Finish().Flows;
    }

    private static void AssertEachFlowOnce(IReadOnlyList<FlowMatcher.Match> matches, IReadOnlyList<Flow> left, IReadOnlyList<Flow> right)
    {
        Assert.Equal(
            left.Select(f => f.Index).Order(),
            matches.Where(m => m.Left is not null).Select(m => m.Left!.Index).Order());
        Assert.Equal(
            right.Select(f => f.Index).Order(),
            matches.Where(m => m.Right is not null).Select(m => m.Right!.Index).Order());
        Assert.All(matches, m => Assert.True(m.Left is not null || m.Right is not null));
    }
}
