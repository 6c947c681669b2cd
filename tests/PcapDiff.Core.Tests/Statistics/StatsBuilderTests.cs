using PcapDiff.Core.Model;
using PcapDiff.Core.Statistics;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Statistics;

public sealed class StatsBuilderTests
{
    [Fact]
    public void Should_count_packets_bytes_and_flags_per_direction_When_building_conversations()
    {
        var stats = StatsBuilder.Build("good", StoryRuns.DnsThenNc());

        var tcp = Assert.Single(stats.Conversations, c => c.Flow.Protocol == Transport.Tcp);
        Assert.Equal(5, tcp.ToServer.Packets);
        Assert.Equal(4, tcp.ToClient.Packets);
        Assert.Equal(1, tcp.ToServer.Syns);
        Assert.Equal(1, tcp.ToClient.Syns);
        Assert.Equal(1, tcp.ToServer.Fins);
        Assert.Equal(0, tcp.ToServer.Resets);
        Assert.Equal(5, tcp.ToServer.PayloadBytes);
        Assert.Equal(4, tcp.ToClient.PayloadBytes);
        Assert.Equal(tcp.Flow.ClientToServer.FrameBytes + tcp.Flow.ServerToClient.FrameBytes, tcp.Bytes);
        Assert.Equal(TimeSpan.Zero, stats.Conversations.Min(c => c.Start));
    }

    [Fact]
    public void Should_sort_by_bytes_and_sum_endpoints_When_several_conversations_share_a_host()
    {
        var stats = StatsBuilder.Build("good", StoryRuns.DnsThenNc());

        Assert.True(stats.Conversations[0].Bytes >= stats.Conversations[^1].Bytes);
        long allBytes = stats.Conversations.Sum(c => c.Bytes);
        Assert.Equal(allBytes, stats.Hosts.Single(h => h.Address == IpAddress.Parse(StoryRuns.ClientAddress)).Bytes);
        Assert.Equal(allBytes, stats.Hosts.Sum(h => h.TxBytes));
        Assert.Equal(stats.Hosts.Sum(h => h.TxBytes), stats.Hosts.Sum(h => h.RxBytes));
        var service = Assert.Single(stats.Ports, p => p.Port == StoryRuns.ServicePort);
        Assert.Equal(Transport.Tcp, service.Protocol);
        Assert.Equal(5, service.RxPackets);
        Assert.Equal(4, service.TxPackets);
    }

    [Fact]
    public void Should_count_retransmitted_packets_on_their_side_When_the_server_repeats_a_segment()
    {
        var c = StoryRuns.Nc();
        StoryRuns.GoodExchange(c, 1000, 5000);
        c.Server(TcpFlags.Psh | TcpFlags.Ack, seq: 5001, ack: 1006, payload: "201\n");

        var tcp = Assert.Single(StatsBuilder.Build("x", c.Finish()).Conversations);

        Assert.Equal(0, tcp.ToServer.Retransmissions);
        Assert.Equal(1, tcp.ToClient.Retransmissions);
    }

    [Fact]
    public void Should_pair_conversations_and_show_one_sided_ones_When_comparing_two_captures()
    {
        var comparison = StatsComparison.Compare(StatsBuilder.Build("good", StoryRuns.DnsThenNc()), StatsBuilder.Build("bad", StoryRuns.Nxdomain()));

        Assert.Contains(comparison.Pairs, p => p.Left is not null && p.Right is null && p.Left.Flow.Protocol == Transport.Tcp);
        var dns = Assert.Single(comparison.Pairs, p => p.Left is not null && p.Right is not null);
        Assert.Equal(dns.Right!.Bytes - dns.Left!.Bytes, dns.BytesDelta);
    }
}
