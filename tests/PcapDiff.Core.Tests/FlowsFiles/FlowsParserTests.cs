using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.FlowsFiles;

public sealed class FlowsParserTests
{
    private const string Expected = """
        pcapdiff flows 1
        # a comment, and blank lines, are ignored

        flow UDP 192.0.2.53:53 dns collector.test
          C→S DNS query A collector.test
          S→C DNS response NOERROR A collector.test (answers: A)

        optional flow TCP [2001:db8::1]:8514
          C->S SYN
          S->C SYN-ACK
        """;

    [Fact]
    public void Should_read_flows_events_and_line_numbers_When_the_file_is_well_formed()
    {
        var flows = FlowsParser.Parse(Expected, "x.flows").Flows;

        Assert.Equal(2, flows.Count);
        var dns = flows[0];
        Assert.Equal(Transport.Udp, dns.Protocol);
        Assert.Equal(new Endpoint(IpAddress.Parse("192.0.2.53"), 53), dns.Server);
        Assert.True(dns.IsDns);
        Assert.Equal("collector.test", dns.QueryName);
        Assert.False(dns.IsOptional);
        Assert.Equal(["C→S DNS query A collector.test", "S→C DNS response NOERROR A collector.test (answers: A)"], dns.Texts());
        Assert.Equal(5, dns.Events[0].FirstFrame);

        var tcp = flows[1];
        Assert.True(tcp.IsOptional);
        Assert.Equal(IpAddress.Parse("2001:db8::1"), tcp.Server.Address);
        Assert.Equal(["C→S SYN", "S→C SYN-ACK"], tcp.Texts());
        Assert.Equal(EventKind.SynAck, tcp.Events[1].Kind);
        Assert.Equal(Direction.ServerToClient, tcp.Events[1].Direction);
    }

    [Fact]
    public void Should_keep_a_server_name_When_the_flow_names_its_server()
    {
        var flow = Assert.Single(FlowsParser.Parse("pcapdiff flows 1\nflow TCP collector.test:8514\n  C→S DATA 5B \"hoge\\n\"\n", "x.flows").Flows);

        Assert.Equal("collector.test", flow.ServerName);
        Assert.Equal(8514, flow.Server.Port);
        Assert.Equal(5, flow.Events[0].Bytes);
        Assert.Equal(EventKind.Data, flow.Events[0].Kind);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("flow TCP a:1\n", 1, "expected \"pcapdiff flows 1\" as the first line")]
    [InlineData("pcapdiff flows 2\n", 1, "unsupported version")]
    [InlineData("pcapdiff flows 1\n  C→S SYN\n", 2, "an event before the first flow line")]
    [InlineData("pcapdiff flows 1\nflow SCTP a:1\n", 2, "unknown protocol \"SCTP\"")]
    [InlineData("pcapdiff flows 1\nflow TCP collector.test\n", 2, "expected SERVER:PORT")]
    [InlineData("pcapdiff flows 1\nflow TCP a:1 extra\n", 2, "unexpected \"extra\"")]
    [InlineData("pcapdiff flows 1\nflows TCP a:1\n", 2, "expected \"flow PROTOCOL SERVER\"")]
    [InlineData("pcapdiff flows 1\nflow TCP a:1\n  C→S SYNN\n", 3, "unknown event \"SYNN\"")]
    [InlineData("pcapdiff flows 1\nflow TCP a:1\n  X→Y SYN\n", 3, "an event starts with C→S or S→C")]
    [InlineData("pcapdiff flows 1\nflow TCP a:1\n\n  C→S DATA \"x\"\n", 4, "DATA needs a length")]
    [InlineData("pcapdiff flows 1\nflow TCP a:1\n  C→S SYN now\n", 3, "SYN takes nothing after it")]
    [InlineData("pcapdiff flows 1\nflow UDP a:53\n  C→S DNS query\n", 3, "DNS query needs what follows it")]
    public void Should_name_the_file_and_line_When_the_text_has_a_mistake(string text, int line, string message)
    {
        var error = Assert.Throws<PcapDiffException>(() => FlowsParser.Parse(text, "bad.flows"));

        Assert.StartsWith($"bad.flows:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoryRuns.Names), MemberType = typeof(StoryRuns))]
    public void Should_write_the_same_text_When_written_parsed_and_written_again(string run)
    {
        string text = FlowsWriter.ToText(StoryRuns.All[run]());

        Assert.Equal(text, FlowsWriter.ToText(FlowsParser.Parse(text, run)));
    }

    [Fact]
    public void Should_keep_a_name_with_spaces_and_control_bytes_one_token_When_written_and_parsed()
    {
        var flow = FlowsParser.Parse("pcapdiff flows 1\nflow UDP 192.0.2.53:53 dns a\\x20b\\x1bc.test\n", "x.flows").Flows[0];

        Assert.Equal("a b\u001bc.test", flow.QueryName);
        Assert.Equal("flow UDP 192.0.2.53:53 dns a\\x20b\\x1bc.test", FlowsWriter.FlowLine(flow));
    }

    [Fact]
    public void Should_recognise_a_flows_file_by_its_first_line_When_sniffing_content()
    {
        Assert.True(FlowsParser.LooksLikeFlows("\uFEFF\npcapdiff flows 1\n"));
        Assert.False(FlowsParser.LooksLikeFlows("\u00d4\u00c3\u00b2\u00a1"));
    }

    [Fact]
    public void Should_read_typed_fields_When_an_event_line_is_one_pcapdiff_writes()
    {
        var data = FlowsParser.ParseEventLine("C→S DATA 5B \"hoge\\n\"");
        var payload = Assert.IsType<PayloadDetail>(data.Detail);
        Assert.Equal("hoge\n"u8.ToArray(), payload.Preview);
        Assert.Equal(5, data.Bytes);

        var dns = Assert.IsType<DnsDetail>(FlowsParser.ParseEventLine("S→C DNS response NXDOMAIN A nosuch.test (no answers)").Detail);
        Assert.Equal((DnsDetail.NameError, (ushort)1, "nosuch.test"), (dns.ResponseCode, dns.QueryType, dns.QueryName));

        var alert = Assert.IsType<TlsDetail>(FlowsParser.ParseEventLine("C→S TLS alert fatal unknown_ca").Detail);
        Assert.Equal(((byte?)2, (byte?)48), (alert.AlertLevel, alert.AlertDescription));

        var status = Assert.IsType<HttpResponseDetail>(FlowsParser.ParseEventLine("S→C HTTP 404 File not found").Detail);
        Assert.Equal((404, "File not found"), (status.Status, status.Reason));

        var connack = Assert.IsType<MqttConnackDetail>(FlowsParser.ParseEventLine("S→C MQTT CONNACK refused: not authorized (5)").Detail);
        Assert.Equal((byte)5, connack.Code);
        Assert.False(connack.Accepted);

        var puback = Assert.IsType<MqttAckDetail>(FlowsParser.ParseEventLine("S→C MQTT PUBACK not authorized").Detail);
        Assert.Equal([0x87], puback.Failures);

        var ack = FlowsParser.ParseEventLine("C→S ACK ack=0 (expected 1)");
        Assert.Equal(new SequenceMismatch(TcpNumber.Acknowledgment, 0, 1), ack.Mismatch);
        Assert.Equal("C→S ACK ack=0 (expected 1)", ack.Text);
    }

    [Theory]
    [InlineData("C→S DATA *B")]
    [InlineData("C→S DATA 100..200B")]
    [InlineData("C→S DATA 5B \"ho\"…")]
    [InlineData("S→C MQTT CONNACK whatever this is")]
    public void Should_keep_the_text_as_written_When_a_line_is_a_pattern_or_a_form_not_taken_apart(string line)
    {
        var e = FlowsParser.ParseEventLine(line);

        Assert.IsType<ParsedDetail>(e.Detail);
        Assert.Equal(line, e.Text);
    }

    [Fact]
    public void Should_read_an_older_file_in_todays_order_When_it_lists_the_close_and_parallel_lookups_as_they_came()
    {
        var flows = FlowsParser.Parse("""
            pcapdiff flows 1

            flow UDP collector.test:53 dns collector.test
              C→S DNS query A collector.test
              C→S DNS query AAAA collector.test
              S→C DNS response NOERROR AAAA collector.test (answers: AAAA)
              S→C DNS response NOERROR A collector.test (answers: A)

            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              S→C FIN
              C→S FIN
              S→C ACK
            """, "old.flows").Flows;

        Assert.Equal(
            ["C→S DNS query A collector.test", "S→C DNS response NOERROR A collector.test (answers: A)",
             "C→S DNS query AAAA collector.test", "S→C DNS response NOERROR AAAA collector.test (answers: AAAA)"],
            flows[0].Texts());
        Assert.Equal(["C→S SYN", "S→C SYN-ACK", "C→S ACK", "C→S FIN", "S→C FIN"], flows[1].Texts());
    }
}
