using System.Text;
using PcapDiff.Core.Model;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Normalization;

/// <summary>Pins the UDP and DNS normalization rules as the exact event lines they produce.</summary>
public sealed class UdpNormalizerTests
{
    [Fact]
    public void Should_coalesce_datagrams_When_several_go_the_same_way_in_a_row()
    {
        var flow = Assert.Single(StoryRuns.UdpDatagrams().Flows);

        Assert.Equal(["C→S DGRAM ×3 30B \"datagram-1\"…", "S→C DGRAM 2B \"ok\""], flow.Texts());
        Assert.Equal(30, flow.Events[0].Bytes);
        Assert.Equal(3, flow.Events[0].Packets);
        Assert.Equal(0, flow.Events[0].Repeats);
        Assert.False(flow.IsDns);
    }

    [Fact]
    public void Should_start_a_new_datagram_event_When_the_direction_changes()
    {
        var c = Conversation.Udp(StoryRuns.ClientAddress, 41000, StoryRuns.ServerAddress, 5000);
        c.ClientDatagram("a");
        c.ServerDatagram("b");
        c.ClientDatagram("c");

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S DGRAM 1B \"a\"", "S→C DGRAM 1B \"b\"", "C→S DGRAM 1B \"c\""], flow.Texts());
    }

    [Fact]
    public void Should_name_the_query_and_the_answer_When_a_dns_lookup_succeeds()
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns.ClientDatagram(DnsWire.Query(0x1234, "collector.test"));
        dns.ServerDatagram(DnsWire.Answer(0x1234, "collector.test", StoryRuns.ServerAddress));

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.Equal(
            ["C→S DNS query A collector.test", "S→C DNS response NOERROR A collector.test (answers: A)"],
            flow.Texts());
        Assert.True(flow.IsDns);
        Assert.Equal("collector.test", flow.QueryName);
    }

    [Fact]
    public void Should_say_nxdomain_and_no_answers_When_the_name_does_not_exist()
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns.ClientDatagram(DnsWire.Query(7, "nosuch.test"));
        dns.ServerDatagram(DnsWire.Error(7, "nosuch.test", rcode: 3));

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.Equal(
            ["C→S DNS query A nosuch.test", "S→C DNS response NXDOMAIN A nosuch.test (no answers)"],
            flow.Texts());
    }

    [Fact]
    public void Should_give_the_same_events_When_the_answers_to_parallel_a_and_aaaa_queries_arrive_in_either_order()
    {
        IReadOnlyList<string> Lookup(bool aaaaFirst)
        {
            var capture = new PacketBuilder();
            var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
            dns.ClientDatagram(DnsWire.Query(1, "collector.test"));
            dns.ClientDatagram(DnsWire.Query(2, "collector.test", DnsWire.TypeAaaa));
            var a = DnsWire.Answer(1, "collector.test", "192.0.2.1");
            var aaaa = DnsWire.Answer(2, "collector.test", "2001:db8::1");
            dns.ServerDatagram(aaaaFirst ? aaaa : a);
            dns.ServerDatagram(aaaaFirst ? a : aaaa);
            return Assert.Single(capture.Finish().Flows).Texts();
        }

        Assert.Equal(Lookup(aaaaFirst: false), Lookup(aaaaFirst: true));
    }

    [Fact]
    public void Should_give_the_same_events_When_parallel_queries_and_answers_alternate_in_one_run_and_not_in_the_other()
    {
        IReadOnlyList<string> Lookup(params string[] order)
        {
            var capture = new PacketBuilder();
            var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
            foreach (string step in order)
            {
                switch (step)
                {
                    case "qA":
                        dns.ClientDatagram(DnsWire.Query(1, "collector.test"));
                        break;
                    case "qAAAA":
                        dns.ClientDatagram(DnsWire.Query(2, "collector.test", DnsWire.TypeAaaa));
                        break;
                    case "rA":
                        dns.ServerDatagram(DnsWire.Answer(1, "collector.test", "192.0.2.1"));
                        break;
                    default:
                        dns.ServerDatagram(DnsWire.Answer(2, "collector.test", "2001:db8::1"));
                        break;
                }
            }

            return Assert.Single(capture.Finish().Flows).Texts();
        }

        var together = Lookup("qA", "qAAAA", "rA", "rAAAA");

        Assert.Equal(together, Lookup("qA", "rA", "qAAAA", "rAAAA"));
        Assert.Equal(together, Lookup("qAAAA", "qA", "rAAAA", "rA"));
        Assert.Equal(
            ["C→S DNS query A collector.test", "S→C DNS response NOERROR A collector.test (answers: A)",
             "C→S DNS query AAAA collector.test", "S→C DNS response NOERROR AAAA collector.test (answers: AAAA)"],
            together);
    }

    [Fact]
    public void Should_count_answers_by_type_When_a_response_has_several()
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns.ClientDatagram(DnsWire.Query(9, "collector.test", DnsWire.TypeAaaa));
        dns.ServerDatagram(DnsWire.Answer(9, "collector.test", "2001:db8::1", "2001:db8::2"));

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.Equal("S→C DNS response NOERROR AAAA collector.test (answers: AAAA×2)", flow.Events[1].Text);
    }

    [Fact]
    public void Should_name_the_server_of_a_later_tcp_flow_When_the_capture_resolved_its_address()
    {
        var flows = StoryRuns.DnsThenNc().Flows;

        Assert.Equal(2, flows.Count);
        Assert.Null(flows[0].ServerName);
        Assert.Equal(Transport.Tcp, flows[1].Protocol);
        Assert.Equal("collector.test", flows[1].ServerName);
        Assert.Equal("collector.test", flows[1].ServerLabel);
        Assert.Equal(StoryRuns.GoodEvents, flows[1].Texts());
    }

    [Fact]
    public void Should_make_one_event_with_a_repeat_When_the_same_query_is_sent_again()
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns.ClientDatagram(DnsWire.Query(0x1234, "collector.test"));
        capture.Wait(TimeSpan.FromSeconds(5));
        dns.ClientDatagram(DnsWire.Query(0x1234, "collector.test"));
        dns.ServerDatagram(DnsWire.Answer(0x1234, "collector.test", StoryRuns.ServerAddress));

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.Equal(
            ["C→S DNS query A collector.test", "S→C DNS response NOERROR A collector.test (answers: A)"],
            flow.Texts());
        Assert.Equal(1, flow.Events[0].Repeats);
        Assert.Equal(2, flow.Events[0].Packets);
        Assert.Equal((1L, 2L), (flow.Events[0].FirstFrame, flow.Events[0].LastFrame));
    }

    public static TheoryData<string, byte[]> Garbage => new()
    {
        { "text", Encoding.ASCII.GetBytes("not dns at all") },
        { "shorter than a header", [1, 2, 3, 4, 5] },
        { "empty", [] },
        { "no question", new byte[12] },
        { "label past the end", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 40, (byte)'a', (byte)'b'] },
        { "pointer to itself", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1] },
        { "pointer past the end", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 1, 0, 1] },
        { "question cut before its type", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Should_fall_back_to_a_datagram_event_When_port_53_carries_something_that_is_not_dns(string what, byte[] payload)
    {
        var c = Conversation.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        c.ClientDatagram(payload);

        var flow = Assert.Single(c.Finish().Flows);

        var e = Assert.Single(flow.Events);
        Assert.True(e.Kind == EventKind.Datagram, what);
        Assert.StartsWith($"C→S DGRAM {payload.Length}B ", e.Text, StringComparison.Ordinal);
        Assert.False(flow.IsDns);
    }

    [Fact]
    public void Should_keep_going_When_an_answer_record_is_cut_short()
    {
        byte[] full = DnsWire.Answer(3, "collector.test", StoryRuns.ServerAddress);
        var capture = new PacketBuilder();
        var dns = capture.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        dns.ServerDatagram(full[..^2]);

        var flow = Assert.Single(capture.Finish().Flows);

        Assert.True(flow.IsDns);
        Assert.StartsWith("S→C DNS response NOERROR A collector.test", flow.Events[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_escape_control_characters_When_a_queried_name_contains_them()
    {
        var c = Conversation.Udp(StoryRuns.ClientAddress, 51000, StoryRuns.ResolverAddress, 53);
        c.ClientDatagram(DnsWire.Query(5, "evil\u001b[31m.test"));

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal("C→S DNS query A evil\\x1b[31m.test", flow.Events[0].Text);
        Assert.DoesNotContain(flow.Events[0].Text, ch => ch < 0x20);
    }
}
