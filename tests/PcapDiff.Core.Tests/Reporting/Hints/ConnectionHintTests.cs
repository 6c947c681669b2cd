using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting.Hints;
using static PcapDiff.Core.Tests.Reporting.Hints.HintFlows;

namespace PcapDiff.Core.Tests.Reporting.Hints;

/// <summary>The TCP connection rules, each on its pattern and on the nearest shape it must not take for it.</summary>
public sealed class ConnectionHintTests
{
    [Fact]
    public void Should_count_every_attempt_When_the_syn_is_never_answered()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
            """).WithEvent(0, e => e with { Repeats = 2 });

        var hint = new SynUnansweredRule().Match(flow);

        Assert.Equal("The server never answered the SYN (sent 3 times)", hint?.Title);
        Assert.Equal([flow.Events[0].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_say_one_time_When_the_syn_was_sent_once()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
            """);

        Assert.Equal("The server never answered the SYN (sent 1 time)", new SynUnansweredRule().Match(flow)?.Title);
    }

    [Fact]
    public void Should_not_call_the_syn_unanswered_When_the_server_answered_it()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
            """);

        Assert.Null(new SynUnansweredRule().Match(flow));
    }

    [Fact]
    public void Should_call_it_refused_When_the_server_answers_the_syn_with_rst()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C RST
            """);

        var hint = new SynAnsweredByResetRule().Match(flow);

        Assert.Equal("Connection refused: the server answered the SYN with RST", hint?.Title);
        Assert.Contains("port 8514 of collector.test", hint!.Explanation, StringComparison.Ordinal);
        Assert.Equal(flow.Events.Select(e => e.FirstFrame), hint.Frames);
    }

    [Fact]
    public void Should_not_call_it_refused_When_the_server_resets_after_accepting()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              S→C RST
            """);

        Assert.Null(new SynAnsweredByResetRule().Match(flow));
    }

    [Fact]
    public void Should_blame_the_client_kernel_When_the_client_resets_right_after_the_syn_ack()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S RST
            """);

        var hint = new ClientResetAfterSynAckRule().Match(flow);

        Assert.Equal("The client reset the connection right after the server's SYN-ACK", hint?.Title);
        Assert.Equal([flow.Events[1].FirstFrame, flow.Events[2].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_not_blame_the_client_kernel_When_the_client_completes_the_handshake_before_resetting()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S RST
            """);

        Assert.Null(new ClientResetAfterSynAckRule().Match(flow));
    }

    [Fact]
    public void Should_name_the_wrong_number_and_the_reset_When_the_third_packet_acknowledges_the_wrong_number()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK ack=0 (expected 1)
              S→C RST
            """);

        var hint = new HandshakeAckMismatchRule().Match(flow);

        Assert.Equal("The client's ACK carried ack=0 (expected 1)", hint?.Title);
        Assert.Contains("The server answered it with RST.", hint!.Explanation, StringComparison.Ordinal);
        Assert.Equal([flow.Events[2].FirstFrame, flow.Events[3].FirstFrame], hint.Frames);
    }

    [Fact]
    public void Should_find_no_mismatch_When_the_handshake_numbers_are_right()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              S→C RST
            """);

        Assert.Null(new HandshakeAckMismatchRule().Match(flow));
    }

    [Fact]
    public void Should_say_the_server_reset_after_the_data_When_it_aborts_instead_of_answering()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 5B "hoge\n"
              S→C RST
            """);

        var hint = new ServerResetAfterDataRule().Match(flow);

        Assert.Equal("The server reset the connection after the client's data", hint?.Title);
        Assert.Equal([flow.Event("DATA").FirstFrame, flow.Event("RST").FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_not_say_the_server_reset_after_data_When_the_client_reset_first()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 5B "hoge\n"
              C→S RST
              S→C RST
            """);

        Assert.Null(new ServerResetAfterDataRule().Match(flow));
    }

    [Fact]
    public void Should_count_the_bytes_and_the_sends_When_data_was_resent_and_never_acknowledged()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 1400B
            """).WithEvent(3, e => e with { Repeats = 4 }) with { ClientBytesUnacknowledged = 1400 };

        var hint = new DataUnacknowledgedRule().Match(flow);

        Assert.Equal("The client's 1400 bytes were never acknowledged (sent 5 times)", hint?.Title);
        Assert.Equal([flow.Events[3].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_not_say_the_data_went_unacknowledged_When_it_was_sent_once_only()
    {
        // The capture ended before the ACK could come: no retransmission, so nothing says it was lost.
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 1400B
            """) with { ClientBytesUnacknowledged = 1400 };

        Assert.Null(new DataUnacknowledgedRule().Match(flow));
    }

    [Fact]
    public void Should_give_the_share_When_many_segments_were_sent_again_and_all_arrived()
    {
        var flow = Storm(retransmissions: 12, packets: 100);

        var hint = new RetransmissionStormRule().Match(flow);

        Assert.Equal("12 retransmissions in 100 packets (12 %)", hint?.Title);
        Assert.Equal([flow.Event("DATA").FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_not_call_a_few_retransmissions_a_storm()
    {
        Assert.Null(new RetransmissionStormRule().Match(Storm(retransmissions: 2, packets: 1000)));
    }

    [Fact]
    public void Should_leave_lost_data_to_the_unacknowledged_rule_When_the_resent_data_never_arrived()
    {
        Assert.Null(new RetransmissionStormRule().Match(Storm(retransmissions: 12, packets: 100) with { ClientBytesUnacknowledged = 1 }));
    }

    [Theory]
    [InlineData(1, "The client advertised a zero window once")]
    [InlineData(3, "The client advertised a zero window 3 times")]
    public void Should_name_the_receiver_that_stopped_reading_When_it_advertised_a_zero_window(int times, string title)
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              S→C DATA 65536B
            """) with
        {
            Anomalies = new FlowAnomalies { ZeroWindows = times, ZeroWindowFrom = Direction.ClientToServer, FirstZeroWindowFrame = 9 },
        };

        var hint = new ZeroWindowRule().Match(flow);

        Assert.Equal(title, hint?.Title);
        Assert.Equal([9L], hint!.Frames);
        Assert.Contains("server-silent-after-data", new ZeroWindowRule().Supersedes);
    }

    [Fact]
    public void Should_say_nothing_of_windows_When_no_side_advertised_zero()
    {
        var flow = Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
            """) with { Anomalies = new FlowAnomalies { DuplicateAcks = 3 } };

        Assert.Null(new ZeroWindowRule().Match(flow));
    }

    private static Flow Storm(int retransmissions, long packets) =>
        Parse("""
            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 100000B
            """).WithEvent(3, e => e with { Repeats = retransmissions }) with
        {
            Anomalies = new FlowAnomalies { Retransmissions = retransmissions },
            ClientToServer = new FlowCounters(packets - 10, 0, 0),
            ServerToClient = new FlowCounters(10, 0, 0),
        };
}
