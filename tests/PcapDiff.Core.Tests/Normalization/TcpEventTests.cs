using PcapDiff.Core.Model;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Normalization;

/// <summary>Pins the TCP normalization rules (the tracker's verdicts as the event builder turns them into events) as the exact event lines they produce.</summary>
public sealed class TcpEventTests
{
    private const TcpFlags Syn = TcpFlags.Syn;
    private const TcpFlags SynAck = TcpFlags.Syn | TcpFlags.Ack;
    private const TcpFlags Ack = TcpFlags.Ack;
    private const TcpFlags PshAck = TcpFlags.Psh | TcpFlags.Ack;
    private const TcpFlags FinAck = TcpFlags.Fin | TcpFlags.Ack;

    [Fact]
    public void Should_produce_the_vocabulary_events_When_normalizing_the_good_exchange()
    {
        var flow = Assert.Single(StoryRuns.Good().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(FlowAnomalies.None, flow.Anomalies);
        Assert.Equal(0, flow.ClientBytesUnacknowledged);
        Assert.Equal(0, flow.ServerBytesUnacknowledged);
        Assert.Equal("C→S DATA 5B \"hoge\\n\"", flow.Events[3].Text);
        Assert.Equal(5, flow.Events[3].Bytes);
        Assert.Equal(4, flow.Events[3].FirstFrame);
    }

    public static TheoryData<string, ushort, string, uint, uint, ushort> OtherRuns => new()
    {
        { "198.51.100.7", 50123, "203.0.113.9", 1, 2, 512 },
        { "10.0.0.2", 33000, "10.0.0.1", 0xffff_fffe, 0xffff_fff0, 29200 },
        { "2001:db8::10", 60000, "2001:db8::1", 123_456_789, 987_654_321, 65535 },
    };

    [Theory]
    [MemberData(nameof(OtherRuns))]
    public void Should_produce_identical_events_When_two_runs_differ_only_in_addresses_ports_isns_windows_and_times(
        string client, ushort clientPort, string server, uint clientIsn, uint serverIsn, ushort window)
    {
        var reference = StoryRuns.Good();
        var capture = new PacketBuilder(new DateTime(2031, 1, 2, 3, 4, 5, DateTimeKind.Utc), TimeSpan.FromSeconds(0.25));
        var c = capture.Tcp(client, clientPort, server, StoryRuns.ServicePort);
        c.Window = window;

        var other = StoryRuns.Good(c, clientIsn, serverIsn);

        Assert.Equal(reference.Flows[0].Texts(), Assert.Single(other.Flows).Texts());
    }

    [Fact]
    public void Should_produce_one_data_event_When_the_data_is_sent_in_three_segments()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "ho");
        c.Client(Ack, seq: 1003, ack: 5001, payload: "g");
        c.Client(PshAck, seq: 1004, ack: 5001, payload: "e\n");
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(3, flow.Events[3].Packets);
        Assert.Equal(0, flow.Events[3].Repeats);
        Assert.Equal((4L, 6L), (flow.Events[3].FirstFrame, flow.Events[3].LastFrame));
    }

    [Fact]
    public void Should_not_split_the_data_event_When_a_pure_ack_comes_between_segments_of_one_direction()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "ho");
        c.Server(Ack, seq: 5001, ack: 1003);
        c.Client(PshAck, seq: 1003, ack: 5001, payload: "ge\n");
        ReplyAndClose(c);

        Assert.Equal(StoryRuns.GoodEvents, Assert.Single(c.Finish().Flows).Texts());
    }

    [Fact]
    public void Should_produce_the_same_events_When_the_server_acks_the_data_before_replying_instead_of_piggybacking()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Capture.Wait(TimeSpan.FromMilliseconds(40));
        c.Server(Ack, seq: 5001, ack: 1006);
        ReplyAndClose(c);

        Assert.Equal(StoryRuns.GoodEvents, Assert.Single(c.Finish().Flows).Texts());
    }

    [Fact]
    public void Should_produce_the_same_events_When_the_client_acks_the_reply_with_its_fin_and_the_server_closes_with_its_last_data()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck | TcpFlags.Fin, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);

        Assert.Equal(StoryRuns.GoodEvents, Assert.Single(c.Finish().Flows).Texts());
    }

    [Fact]
    public void Should_keep_the_raw_socket_pattern_and_count_unacknowledged_bytes_When_the_client_resets_the_syn_ack()
    {
        var flow = Assert.Single(StoryRuns.RawSocket().Flows);

        Assert.Equal(
            [
                "C→S SYN",
                "S→C SYN-ACK",
                "C→S RST",
                "C→S ACK",
                "C→S DATA 5B \"hoge\\n\"",
                "S→C RST",
            ],
            flow.Texts());
        Assert.Equal(5, flow.ClientBytesUnacknowledged);
        Assert.Equal(0, flow.ServerBytesUnacknowledged);
    }

    [Fact]
    public void Should_count_a_retransmission_not_an_event_When_a_data_segment_is_sent_again()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Capture.Wait(TimeSpan.FromMilliseconds(200));
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(1, flow.Anomalies.Retransmissions);
        var data = flow.Events[3];
        Assert.Equal(1, data.Repeats);
        Assert.Equal(2, data.Packets);
        Assert.Equal(5, data.Bytes);
        Assert.Equal(10, flow.ClientToServer.PayloadBytes);
    }

    [Fact]
    public void Should_count_only_the_new_bytes_When_a_retransmission_carries_more_data_than_before()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "ho");
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(5, flow.Events[3].Bytes);
        Assert.Equal(1, flow.Anomalies.Retransmissions);
    }

    [Fact]
    public void Should_make_one_syn_event_with_repeats_When_the_client_retries_its_syn()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Capture.Wait(TimeSpan.FromSeconds(1));
        c.Client(Syn, seq: 1000);
        c.Capture.Wait(TimeSpan.FromSeconds(2));
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Client(Ack, seq: 1001, ack: 5001);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(2, flow.Events[0].Repeats);
        Assert.Equal(3, flow.Events[0].Packets);
        Assert.Equal(2, flow.Anomalies.SynRetries);
        Assert.Equal(0, flow.Anomalies.Retransmissions);
    }

    [Fact]
    public void Should_count_duplicate_acks_When_the_receiver_repeats_its_acknowledgment_while_data_is_outstanding()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "ho");
        c.Client(PshAck, seq: 1003, ack: 5001, payload: "ge\n");
        c.Server(Ack, seq: 5001, ack: 1003);
        c.Server(Ack, seq: 5001, ack: 1003);
        c.Server(Ack, seq: 5001, ack: 1003);
        c.Client(PshAck, seq: 1003, ack: 5001, payload: "ge\n");
        c.Server(Ack, seq: 5001, ack: 1006);
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(2, flow.Anomalies.DuplicateAcks);
        Assert.Equal(1, flow.Anomalies.Retransmissions);
    }

    [Fact]
    public void Should_make_one_data_event_with_all_bytes_When_a_later_segment_arrives_before_the_hole_is_filled()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1003, ack: 5001, payload: "ge\n");
        c.Client(Ack, seq: 1001, ack: 5001, payload: "ho");
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(1, flow.Anomalies.OutOfOrder);
        Assert.Equal(0, flow.Anomalies.Retransmissions);
        Assert.Equal(0, flow.ClientBytesUnacknowledged);
    }

    [Fact]
    public void Should_count_a_keep_alive_and_add_no_event_When_the_client_probes_an_idle_connection()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(Ack, seq: 1006, ack: 5005);
        c.Capture.Wait(TimeSpan.FromSeconds(75));
        c.Client(Ack, seq: 1005, ack: 5005);
        c.Server(Ack, seq: 5005, ack: 1006);
        c.Server(FinAck, seq: 5005, ack: 1006);
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(1, flow.Anomalies.KeepAlives);
        Assert.Equal(0, flow.Anomalies.DuplicateAcks);
        Assert.Equal(0, flow.Anomalies.Retransmissions);
    }

    [Fact]
    public void Should_count_a_zero_window_and_add_no_event_When_a_side_advertises_a_zero_window()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(Ack, seq: 5001, ack: 1006, window: 0);
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(1, flow.Anomalies.ZeroWindows);
    }

    [Fact]
    public void Should_make_one_fin_event_When_a_fin_is_retransmitted()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "201\n");
        c.Server(FinAck, seq: 5005, ack: 1006);
        c.Server(FinAck, seq: 5005, ack: 1006);
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        var fin = Assert.Single(flow.Events, e => e is { Kind: EventKind.Fin, Direction: Direction.ServerToClient });
        Assert.Equal(1, fin.Repeats);
        Assert.Equal(1, flow.Anomalies.Retransmissions);
    }

    [Fact]
    public void Should_start_at_data_with_the_ephemeral_side_as_client_When_the_capture_starts_mid_connection()
    {
        var c = StoryRuns.Nc();
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(Ack, seq: 1006, ack: 5005);
        c.Server(FinAck, seq: 5005, ack: 1006);
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(c.ClientEndpoint, flow.Client);
        Assert.Equal(c.ServerEndpoint, flow.Server);
        Assert.Equal(["S→C DATA 4B \"201\\n\"", "C→S FIN", "S→C FIN"], flow.Texts());
    }

    [Fact]
    public void Should_report_the_server_bytes_unacknowledged_When_the_client_never_acks_the_reply()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "201\n");

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(0, flow.ClientBytesUnacknowledged);
        Assert.Equal(4, flow.ServerBytesUnacknowledged);
    }

    [Fact]
    public void Should_produce_the_same_events_When_normalizing_the_same_packets_twice()
    {
        var first = StoryRuns.Good().Flows[0];
        var second = StoryRuns.Good().Flows[0];

        Assert.Equal(first.Texts(), second.Texts());
        Assert.Equal(first.Events.Select(e => (e.FirstFrame, e.LastFrame)), second.Events.Select(e => (e.FirstFrame, e.LastFrame)));
    }

    [Fact]
    public void Should_preview_the_bytes_in_stream_order_When_a_middle_segment_arrives_last()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "ho");
        c.Client(PshAck, seq: 1004, ack: 5001, payload: "e\n");
        c.Client(Ack, seq: 1003, ack: 5001, payload: "g");
        ReplyAndClose(c);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        Assert.Equal(1, flow.Anomalies.OutOfOrder);
    }

    [Fact]
    public void Should_count_one_retransmission_When_a_segment_with_data_and_fin_is_sent_twice()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck | TcpFlags.Fin, seq: 5001, ack: 1006, payload: "201\n");
        c.Server(PshAck | TcpFlags.Fin, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(1, flow.Anomalies.Retransmissions);
    }

    [Fact]
    public void Should_not_count_a_duplicate_ack_When_only_the_window_changes()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "20");
        c.Server(PshAck, seq: 5003, ack: 1006, payload: "1\n");
        c.Client(Ack, seq: 1006, ack: 5003, window: 100);
        c.Client(Ack, seq: 1006, ack: 5003, window: 5000);
        c.Client(Ack, seq: 1006, ack: 5005, window: 5000);
        c.Server(FinAck, seq: 5005, ack: 1006);
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(0, flow.Anomalies.DuplicateAcks);
    }

    [Fact]
    public void Should_give_the_same_events_When_the_client_closes_first_instead_of_the_server()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(FinAck, seq: 1006, ack: 5005);
        c.Server(FinAck, seq: 5005, ack: 1007);
        c.Client(Ack, seq: 1007, ack: 5006);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(StoryRuns.GoodEvents, flow.Texts());
        var clientFin = flow.Events[^2];
        var serverFin = flow.Events[^1];
        Assert.True(clientFin.FirstFrame < serverFin.FirstFrame);
        Assert.Equal(serverFin.FirstFrame, clientFin.AcknowledgedFrame);
        Assert.Equal(serverFin.FirstFrame + 1, serverFin.AcknowledgedFrame);
    }

    [Fact]
    public void Should_keep_the_fins_where_they_were_When_data_comes_between_them()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Client(FinAck, seq: 1006, ack: 5001);
        c.Server(PshAck, seq: 5001, ack: 1007, payload: "201\n");
        c.Server(FinAck, seq: 5005, ack: 1007);
        c.Client(Ack, seq: 1007, ack: 5006);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S SYN", "S→C SYN-ACK", "C→S ACK", "C→S DATA 5B \"hoge\\n\"", "C→S FIN", "S→C DATA 4B \"201\\n\"", "S→C FIN", "C→S ACK"], flow.Texts());
    }

    [Fact]
    public void Should_note_the_frame_that_acknowledged_the_data_When_a_later_packet_makes_that_ack_no_event()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "hoge\n");
        c.Server(Ack, seq: 5001, ack: 1006);
        c.Client(FinAck, seq: 1006, ack: 5001);
        c.Server(FinAck, seq: 5001, ack: 1007);
        c.Client(Ack, seq: 1007, ack: 5002);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S SYN", "S→C SYN-ACK", "C→S ACK", "C→S DATA 5B \"hoge\\n\"", "C→S FIN", "S→C FIN"], flow.Texts());
        Assert.Equal(5, flow.Events[3].AcknowledgedFrame);
        Assert.Equal(2, flow.Events[0].AcknowledgedFrame);
        Assert.Equal(3, flow.Events[1].AcknowledgedFrame);
    }

    [Fact]
    public void Should_forget_an_acknowledgment_When_more_data_joins_the_event_after_it()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1001, ack: 5001, payload: "ho");
        c.Server(Ack, seq: 5001, ack: 1003);
        c.Client(PshAck, seq: 1003, ack: 5001, payload: "ge\n");

        var flow = Assert.Single(c.Finish().Flows);

        var data = Assert.Single(flow.Events, e => e.Kind == EventKind.Data);
        Assert.Null(data.AcknowledgedFrame);
    }

    [Fact]
    public void Should_show_the_wrong_number_When_the_handshake_ack_acknowledges_the_syn_ack_itself()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Client(Ack, seq: 1001, ack: 5000);
        c.Server(TcpFlags.Rst, seq: 5000);
        c.Server(SynAck, seq: 5000, ack: 1001);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S SYN", "S→C SYN-ACK", "C→S ACK ack=0 (expected 1)", "S→C RST"], flow.Texts());
        Assert.Equal(new SequenceMismatch(TcpNumber.Acknowledgment, 0, 1), flow.Events[2].Mismatch);
        Assert.Equal(1, flow.Anomalies.SynAckRetries);
        Assert.Equal(0, flow.Anomalies.SynRetries);
    }

    [Fact]
    public void Should_show_the_wrong_number_When_the_syn_ack_does_not_acknowledge_the_syn()
    {
        var c = StoryRuns.Nc();
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1000);

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(["C→S SYN", "S→C SYN-ACK ack=0 (expected 1)"], flow.Texts());
    }

    [Fact]
    public void Should_show_the_wrong_number_When_the_first_data_starts_on_the_syns_sequence_number()
    {
        var c = StoryRuns.Nc();
        Handshake(c);
        c.Client(PshAck, seq: 1000, ack: 5001, payload: "hoge\n");

        var flow = Assert.Single(c.Finish().Flows);

        Assert.Equal(new SequenceMismatch(TcpNumber.Sequence, 0, 1), Assert.Single(flow.Events, e => e.Kind == EventKind.Data).Mismatch);
    }

    private static void Handshake(Conversation c)
    {
        c.Client(Syn, seq: 1000);
        c.Server(SynAck, seq: 5000, ack: 1001);
        c.Client(Ack, seq: 1001, ack: 5001);
    }

    /// <summary>After "hoge\n" (client bytes 1001..1005): "201\n" back, then the server closes first.</summary>
    private static void ReplyAndClose(Conversation c)
    {
        c.Server(PshAck, seq: 5001, ack: 1006, payload: "201\n");
        c.Client(Ack, seq: 1006, ack: 5005);
        c.Server(FinAck, seq: 5005, ack: 1006);
        c.Client(FinAck, seq: 1006, ack: 5006);
        c.Server(Ack, seq: 5006, ack: 1007);
    }
}
