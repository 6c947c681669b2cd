using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Reporting;

/// <summary>
/// The per-run indexes the sentences look flows up in answer exactly what a pass over every flow
/// would: the first event with a text in another flow to the service, the servers asked for a name
/// and how often, the hosts reached on a port.
/// </summary>
public sealed class RunIndexTests
{
    [Fact]
    public void Should_find_the_first_copy_in_another_flow_When_the_flow_asked_about_has_the_event_itself()
    {
        var flows = StoryRuns.Connections(("hello\n", 41000), ("other\n", 41001), ("hello\n", 41002));
        var index = new RunIndex(flows);
        var hello = flows[0].Events.First(e => e.Kind == EventKind.Data);
        string service = FlowMatcher.ServiceKey(flows[0]);

        var elsewhere = index.FirstElsewhere(service, flows[0], hello);
        var fromSecond = index.FirstElsewhere(service, flows[1], hello);

        Assert.Same(flows[2].Events.First(e => e.Kind == EventKind.Data), elsewhere);
        Assert.Same(hello, fromSecond);
        Assert.Equal(3, index.CountToService(service));
    }

    [Fact]
    public void Should_find_nothing_When_no_other_flow_to_the_service_has_the_event()
    {
        var flows = StoryRuns.Connections(("only here\n", 41000), ("other\n", 41001));
        var index = new RunIndex(flows);
        var data = flows[0].Events.First(e => e.Kind == EventKind.Data);

        Assert.Null(index.FirstElsewhere(FlowMatcher.ServiceKey(flows[0]), flows[0], data));
        Assert.Equal(0, index.CountToService("TCP|9|nowhere"));
    }

    [Fact]
    public void Should_count_lookups_per_server_in_the_order_first_asked_When_one_name_is_asked_of_two_resolvers()
    {
        var capture = new PacketBuilder();
        StoryRuns.Lookup(capture, 5001, "collector.test", resolver: "198.51.100.53");
        StoryRuns.Lookup(capture, 5002, "collector.test");
        StoryRuns.Lookup(capture, 5003, "collector.test", resolver: "198.51.100.53");
        StoryRuns.Lookup(capture, 5004, "other.test");
        var index = new RunIndex(capture.Finish().Flows);

        var servers = index.ServersAsked("collector.test");

        Assert.Equal(["198.51.100.53", StoryRuns.ResolverAddress], servers.Select(s => s.ToString()));
        Assert.Equal(2, index.Lookups("collector.test", servers[0]));
        Assert.Equal(1, index.Lookups("collector.test", servers[1]));
        Assert.Equal(0, index.Lookups("nosuch.test", servers[0]));
        Assert.Empty(index.ServersAsked("nosuch.test"));
    }

    [Fact]
    public void Should_list_each_host_once_When_several_flows_reach_a_port()
    {
        var flows = StoryRuns.Connections(("a\n", 41000), ("b\n", 41001));
        var index = new RunIndex(flows);

        var hosts = index.HostsOnPort(Transport.Tcp, flows[0].Server.Port, f => f.Server.Address.ToString());

        Assert.Equal([flows[0].Server.Address.ToString()], hosts);
        Assert.Empty(index.HostsOnPort(Transport.Udp, flows[0].Server.Port, f => f.Server.Address.ToString()));
    }
}
