using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Reporting;

/// <summary>A one-sided flow's sentence names at most five hosts and counts the rest: on two scans it stays one sentence.</summary>
public sealed class OneSidedListTests
{
    [Fact]
    public void Should_name_five_hosts_and_count_the_rest_When_the_other_run_reached_the_port_at_many_hosts()
    {
        var mine = new PacketBuilder();
        mine.Tcp(StoryRuns.ClientAddress, 40000, "198.18.0.1", 22).Client(TcpFlags.Syn, seq: 100);
        var theirs = new PacketBuilder();
        for (int host = 2; host <= 21; host++)
        {
            theirs.Tcp(StoryRuns.ClientAddress, (ushort)(40000 + host), $"198.18.0.{host}", 22).Client(TcpFlags.Syn, seq: 100);
        }

        var left = mine.Finish().Flows;
        var right = theirs.Finish().Flows;
        var context = new ComparisonContext("good", "bad", left, right);

        string text = OneSidedFlows.Explain(left[0], null, context).Description;

        Assert.Equal(
            "Only the good run connected to 198.18.0.1 port 22 (good #1); the bad run connected to port 22 only at 198.18.0.2, 198.18.0.3, 198.18.0.4, 198.18.0.5, 198.18.0.6 and 15 others.",
            text);
    }

    [Fact]
    public void Should_not_show_a_resolver_address_When_the_run_that_asked_is_an_expectation_without_addresses()
    {
        var left = Core.FlowsFiles.FlowsParser.Parse("pcapdiff flows 1\nflow UDP collector.test:53 dns collector.test\n  C→S DNS query A collector.test\n", "good.flows").Flows;
        var context = new ComparisonContext("good", "bad", left, []);

        string text = OneSidedFlows.Explain(left[0], null, context).Description;

        Assert.Equal("Only the good run asked DNS for collector.test (good #2, no answer); the bad run never asked for it.", text);
    }
}
