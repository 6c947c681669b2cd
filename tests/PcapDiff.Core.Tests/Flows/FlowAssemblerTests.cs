using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Flows;

/// <summary>Packets into flows: identity, roles, new connections on an old tuple, ICMP, counters and caps.</summary>
public sealed class FlowAssemblerTests
{
    private const TcpFlags Syn = TcpFlags.Syn;
    private const TcpFlags SynAck = TcpFlags.Syn | TcpFlags.Ack;
    private const TcpFlags Ack = TcpFlags.Ack;

    [Fact]
    public void Should_make_the_syn_sender_the_client_When_the_first_packet_is_a_syn()
    {
        var flow = Assert.Single(StoryRuns.Good().Flows);

        Assert.Equal(Transport.Tcp, flow.Protocol);
        Assert.Equal(new Endpoint(IpAddress.Parse(StoryRuns.ClientAddress), 43320), flow.Client);
        Assert.Equal(new Endpoint(IpAddress.Parse(StoryRuns.ServerAddress), StoryRuns.ServicePort), flow.Server);
        Assert.True(flow.ClientPortIsEphemeral);
        Assert.Equal((1L, 9L), (flow.FirstFrame, flow.LastFrame));
    }

    [Fact]
    public void Should_make_the_syn_ack_receiver_the_client_When_the_capture_starts_at_the_syn_ack()
    {
        var c = StoryRuns.Nc();
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Client(Ack, seq: 1001, ack: 5001);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(c.ClientEndpoint, flow.Client);
        Assert.Equal(["S→C SYN-ACK", "C→S ACK"], flow.Texts());
    }

    [Fact]
    public void Should_make_the_high_port_side_the_client_When_the_capture_starts_with_client_data()
    {
        var c = StoryRuns.Nc();
        c.Client(TcpFlags.Psh | Ack, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(TcpFlags.Psh | Ack, seq: 5001, ack: 1006, payload: "201\n");

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(c.ClientEndpoint, flow.Client);
        Assert.Equal(["C→S DATA 5B \"hoge\\n\"", "S→C DATA 4B \"201\\n\""], flow.Texts());
    }

    [Fact]
    public void Should_make_the_ephemeral_side_the_client_When_a_udp_flow_starts_with_the_response()
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns.ServerDatagram(DnsWire.Answer(1, "collector.test", StoryRuns.ServerAddress));

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.Equal(dns.ClientEndpoint, flow.Client);
        Assert.Equal(Direction.ServerToClient, flow.Events[0].Direction);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_make_the_receiver_the_client_When_a_flow_between_two_port_53s_starts_with_a_dns_response(bool response)
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ResolverAddress, 53, StoryRuns.ServerAddress, 53);
        dns.ServerDatagram(response ? DnsWire.Answer(1, "collector.test", StoryRuns.ServerAddress) : DnsWire.Query(1, "collector.test"));

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.Equal(response ? Direction.ServerToClient : Direction.ClientToServer, flow.Events[0].Direction);
        Assert.Equal(response ? EventKind.DnsResponse : EventKind.DnsQuery, flow.Events[0].Kind);
    }

    [Fact]
    public void Should_start_a_second_flow_When_a_new_syn_follows_both_fins_on_the_same_tuple()
    {
        var c = StoryRuns.Nc();
        StoryRuns.GoodExchange(c, 1000, 5000);
        StoryRuns.GoodExchange(c, 70_000, 90_000);

        var flows = c.Finish().Flows;

        Assert.Equal(2, flows.Count);
        Assert.Equal(StoryRuns.GoodEvents, flows[0].Texts());
        Assert.Equal(StoryRuns.GoodEvents, flows[1].Texts());
        Assert.Equal((0, 1), (flows[0].Index, flows[1].Index));
        Assert.Equal((1L, 9L), (flows[0].FirstFrame, flows[0].LastFrame));
        Assert.Equal((10L, 18L), (flows[1].FirstFrame, flows[1].LastFrame));
    }

    [Fact]
    public void Should_start_a_second_flow_When_a_new_syn_follows_a_reset()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Client(Ack, seq: 1001, ack: 5001);
        c.Client(TcpFlags.Rst | Ack, seq: 1001, ack: 5001);
        StoryRuns.GoodExchange(c, 2000, 6000);

        var flows = c.Finish().Flows;

        Assert.Equal(2, flows.Count);
        Assert.Equal(["C→S SYN", "S→C SYN-ACK", "C→S ACK", "C→S RST"], flows[0].Texts());
        Assert.Equal(StoryRuns.GoodEvents, flows[1].Texts());
    }

    [Fact]
    public void Should_stay_in_the_same_flow_When_the_syn_is_retried_before_the_connection_closes()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Client(Syn, seq: 1000);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S SYN"], flow.Texts());
        Assert.Equal(1, flow.Events[0].Repeats);
    }

    [Fact]
    public void Should_start_a_second_flow_When_a_syn_with_a_new_sequence_number_arrives_before_the_connection_closes()
    {
        // Wireshark's rule (packet-tcp.c): a SYN whose sequence number differs from its side's base
        // sequence number is a new connection (a new tcp.stream), closed or not.
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Client(Ack, seq: 1001, ack: 5001);
        c.Server(TcpFlags.Fin | Ack, seq: 5001, ack: 1001);
        c.Client(Syn, seq: 7000);

        var flows = c.Finish().Flows;

        Assert.Equal(2, flows.Count);
        Assert.Equal((1L, 4L), (flows[0].FirstFrame, flows[0].LastFrame));
        Assert.Equal(["C→S SYN"], flows[1].Texts());
    }

    [Fact]
    public void Should_stay_in_the_same_flow_and_count_retransmissions_When_a_refused_syn_is_repeated_with_the_same_sequence_number()
    {
        // As Wireshark counts it: one tcp.stream with the SYN sent three times and two retransmissions.
        var c = StoryRuns.Nc();
        for (int i = 0; i < 3; i++)
        {
            c.Client(Syn, seq: 1000);
            c.Server(TcpFlags.Rst | Ack, seq: 0, ack: 1001);
        }

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(new FlowCounters(3, 3 * 54, 0, Syns: 3, Retransmissions: 2), flow.ClientToServer);
        Assert.Equal(new FlowCounters(3, 3 * 54, 0, Resets: 3), flow.ServerToClient);
    }

    [Fact]
    public void Should_stay_in_the_same_flow_When_a_syn_ack_carries_a_new_sequence_number()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Server(SynAck, seq: 9000, ack: 1001);

        Assert.Single(c.Finish().Flows);
    }

    [Fact]
    public void Should_take_the_base_sequence_number_from_the_peers_ack_When_a_side_has_not_sent_yet()
    {
        // The capture starts with the server's data: it acknowledges up to 1001, so the client's base
        // sequence number is 1000 and a SYN with 1000 is a retransmission, one with 2000 a new connection.
        var c = StoryRuns.Nc();
        c.Server(TcpFlags.Psh | Ack, seq: 5001, ack: 1001, payload: "201\n");
        c.Client(Syn, seq: 1000);
        c.Client(Syn, seq: 2000);

        var flows = c.Finish().Flows;

        Assert.Equal(2, flows.Count);
        Assert.Equal((1L, 2L), (flows[0].FirstFrame, flows[0].LastFrame));
        Assert.Equal((3L, 3L), (flows[1].FirstFrame, flows[1].LastFrame));
    }

    [Fact]
    public void Should_count_packets_and_frame_bytes_per_direction_When_finishing_a_flow()
    {
        var flow = Assert.Single(StoryRuns.Good().Flows);

        // Ethernet 14 + IPv4 20 + TCP 20 = 54 bytes per segment, plus the payload.
        Assert.Equal(new FlowCounters(5, (54 * 5) + 5, 5, Syns: 1, Fins: 1), flow.ClientToServer);
        Assert.Equal(new FlowCounters(4, (54 * 4) + 4, 4, Syns: 1, Fins: 1), flow.ServerToClient);
    }

    [Fact]
    public void Should_make_an_echo_flow_When_the_client_pings_the_server()
    {
        var flow = Assert.Single(StoryRuns.Ping().Flows);

        Assert.Equal(Transport.Icmp, flow.Protocol);
        Assert.Equal(["C→S ICMP echo-request", "S→C ICMP echo-reply"], flow.Texts());
        Assert.Equal(IpAddress.Parse(StoryRuns.ClientAddress), flow.Client.Address);
        Assert.False(flow.ClientPortIsEphemeral);
    }

    [Fact]
    public void Should_keep_echo_flows_apart_When_their_identifiers_differ()
    {
        var capture = new PacketBuilder();
        var first = capture.IcmpEcho(StoryRuns.ClientAddress, StoryRuns.ServerAddress, 1);
        var second = capture.IcmpEcho(StoryRuns.ClientAddress, StoryRuns.ServerAddress, 2);
        first.EchoRequest();
        second.EchoRequest();
        second.EchoReply();
        first.EchoReply();

        var flows = capture.Finish().Flows;

        Assert.Equal(2, flows.Count);
        Assert.All(flows, f => Assert.Equal(["C→S ICMP echo-request", "S→C ICMP echo-reply"], f.Texts()));
    }

    [Fact]
    public void Should_use_the_same_words_When_the_ping_is_icmpv6()
    {
        var c = Conversation.IcmpEcho("2001:db8::10", "2001:db8::1", 0x77);
        c.EchoRequest();
        c.EchoReply();

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(Transport.Icmpv6, flow.Protocol);
        Assert.Equal(["C→S ICMP echo-request", "S→C ICMP echo-reply"], flow.Texts());
    }

    [Fact]
    public void Should_attach_the_error_to_the_udp_flow_When_an_icmp_port_unreachable_quotes_its_datagram()
    {
        var captured = StoryRuns.UdpPortUnreachable();

        var flow = Assert.Single(captured.Flows);

        Assert.Equal(Transport.Udp, flow.Protocol);
        Assert.Equal(["C→S DGRAM 5B \"ping?\"", "S→C ICMP port-unreachable"], flow.Texts());
        Assert.Equal($"sent by {StoryRuns.ServerAddress}", EventText.Note(flow.Events[1]));
        Assert.Equal(1, flow.ClientToServer.Packets);
        Assert.Equal(0, flow.ServerToClient.Packets);
        Assert.Equal(2, flow.LastFrame);
    }

    [Fact]
    public void Should_attach_the_error_to_the_tcp_flow_When_a_router_says_the_host_is_unreachable()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.IcmpErrorToClient(type: 3, code: 1, sender: "198.51.100.254");

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S SYN", "S→C ICMP host-unreachable"], flow.Texts());
        Assert.Equal("sent by 198.51.100.254", EventText.Note(flow.Events[1]));
    }

    [Fact]
    public void Should_make_no_flow_When_the_packet_is_an_icmpv6_neighbour_solicitation()
    {
        var capture = new PacketBuilder();
        capture.IcmpMessage("fe80::1", "ff02::1:ff00:2", type: 135);

        var captured = capture.Finish();

        Assert.Empty(captured.Flows);
        Assert.Equal(1, captured.IpPackets);
        Assert.Equal(1, captured.OtherPackets);
    }

    [Fact]
    public void Should_count_a_fragment_and_make_no_flow_When_a_packet_is_a_non_first_fragment()
    {
        var capture = new PacketBuilder();
        capture.Send(
            new PacketRecord
            {
                Protocol = Transport.Udp,
                Source = new Endpoint(IpAddress.Parse(StoryRuns.ClientAddress), 0),
                Destination = new Endpoint(IpAddress.Parse(StoryRuns.ServerAddress), 0),
                PayloadLength = 1480,
                IsFragment = true,
            },
            []);

        var captured = capture.Finish();

        Assert.Empty(captured.Flows);
        Assert.Equal(1, captured.Fragments);
    }

    [Fact]
    public void Should_count_later_flows_and_say_so_When_the_flow_cap_is_reached()
    {
        var capture = new PacketBuilder(options: new NormalizationOptions(MaxFlows: 1));
        capture.Udp(StoryRuns.ClientAddress, 41000, StoryRuns.ServerAddress, 5000).ClientDatagram("a");
        capture.Udp(StoryRuns.ClientAddress, 41001, StoryRuns.ServerAddress, 5000).ClientDatagram("b");

        var captured = capture.Finish();

        Assert.Single(captured.Flows);
        Assert.True(captured.FlowsCapped);
        Assert.Equal(1, captured.OtherPackets);
    }

    [Fact]
    public void Should_mark_the_flow_capped_When_it_has_more_events_than_the_cap()
    {
        var c = Conversation.Udp(StoryRuns.ClientAddress, 41000, StoryRuns.ServerAddress, 5000, new NormalizationOptions(MaxEventsPerFlow: 2));
        c.ClientDatagram("a");
        c.ServerDatagram("b");
        c.ClientDatagram("c");

        var flow = Assert.Single(c.Finish().Flows);

        Assert.True(flow.EventsCapped);
        Assert.Equal(["C→S DGRAM 1B \"a\"", "S→C DGRAM 1B \"b\""], flow.Texts());
    }
}
