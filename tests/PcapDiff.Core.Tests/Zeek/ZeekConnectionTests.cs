using PcapDiff.Core.Model;
using PcapDiff.Core.Zeek;

namespace PcapDiff.Core.Tests.Zeek;

/// <summary>Zeek's history letters and conn_state, packet by packet, by the rules of Zeek's TCP analyzer and conn.log.</summary>
public sealed class ZeekConnectionTests
{
    private const Direction C = Direction.ClientToServer;
    private const Direction S = Direction.ServerToClient;
    private const TcpFlags Syn = TcpFlags.Syn;
    private const TcpFlags SynAck = TcpFlags.Syn | TcpFlags.Ack;
    private const TcpFlags Ack = TcpFlags.Ack;
    private const TcpFlags PshAck = TcpFlags.Psh | TcpFlags.Ack;
    private const TcpFlags FinAck = TcpFlags.Fin | TcpFlags.Ack;
    private const TcpFlags Rst = TcpFlags.Rst;

    [Fact]
    public void Should_read_ShADadfF_and_SF_When_a_connection_opens_exchanges_data_and_the_server_closes_first()
    {
        var zeek = Tcp(
            (C, Syn, 100, 0), (S, SynAck, 500, 0), (C, Ack, 101, 0), (C, PshAck, 101, 5), (S, Ack, 501, 0),
            (S, PshAck, 501, 4), (C, Ack, 106, 0), (S, FinAck, 505, 0), (C, FinAck, 106, 0), (S, Ack, 506, 0));

        Assert.Equal("ShADadfF", zeek.History);
        Assert.Equal("SF", zeek.ConnState());
    }

    [Fact]
    public void Should_read_Sr_and_REJ_When_the_server_answers_the_syn_with_rst()
    {
        var zeek = Tcp((C, Syn, 100, 0), (S, Rst | TcpFlags.Ack, 0, 0));

        Assert.Equal("Sr", zeek.History);
        Assert.Equal("REJ", zeek.ConnState());
    }

    [Fact]
    public void Should_record_one_S_and_report_S0_When_the_same_syn_is_retried_unanswered()
    {
        var zeek = Tcp((C, Syn, 100, 0), (C, Syn, 100, 0), (C, Syn, 100, 0));

        Assert.Equal("S", zeek.History);
        Assert.Equal("S0", zeek.ConnState());
    }

    [Fact]
    public void Should_record_S_again_When_a_syn_carries_a_new_sequence_number()
    {
        var zeek = Tcp((C, Syn, 100, 0), (C, Syn, 900, 0));

        Assert.Equal("SS", zeek.History);
    }

    [Fact]
    public void Should_report_RSTO_When_the_client_aborts_an_established_connection()
    {
        var zeek = Tcp((C, Syn, 100, 0), (S, SynAck, 500, 0), (C, Ack, 101, 0), (C, PshAck, 101, 5), (C, Rst | TcpFlags.Ack, 106, 0));

        Assert.Equal("ShADR", zeek.History);
        Assert.Equal("RSTO", zeek.ConnState());
    }

    [Fact]
    public void Should_report_RSTOS0_When_the_client_resets_its_own_unanswered_syn()
    {
        var zeek = Tcp((C, Syn, 100, 0), (C, Rst, 101, 0));

        Assert.Equal("SR", zeek.History);
        Assert.Equal("RSTOS0", zeek.ConnState());
    }

    [Fact]
    public void Should_report_S1_When_the_connection_is_established_and_never_closed()
    {
        var zeek = Tcp((C, Syn, 100, 0), (S, SynAck, 500, 0), (C, Ack, 101, 0), (C, PshAck, 101, 5));

        Assert.Equal("S1", zeek.ConnState());
    }

    [Fact]
    public void Should_report_OTH_and_no_S_When_the_capture_starts_mid_connection()
    {
        var zeek = Tcp((C, PshAck, 101, 5), (S, Ack, 501, 0));

        Assert.Equal("Da", zeek.History);
        Assert.Equal("OTH", zeek.ConnState());
    }

    [Fact]
    public void Should_record_retransmissions_at_the_first_tenth_and_hundredth_When_counting_logarithmically()
    {
        var zeek = new ZeekConnection(Transport.Tcp);
        for (int i = 0; i < 150; i++)
        {
            zeek.Retransmission(C);
        }

        zeek.Retransmission(S);

        Assert.Equal("TTTt", zeek.History);
    }

    [Fact]
    public void Should_record_zero_windows_in_lower_case_When_the_server_advertises_them()
    {
        var zeek = Tcp((C, Syn, 100, 0), (S, SynAck, 500, 0), (C, Ack, 101, 0), (C, PshAck, 101, 1000));
        zeek.Tcp(S, Ack, 501, 0, window: 0);

        Assert.Equal("ShADaw", zeek.History);
    }

    [Fact]
    public void Should_record_Q_and_I_When_a_packet_has_impossible_flag_combinations()
    {
        var zeek = Tcp((C, Syn | TcpFlags.Fin, 100, 0), (S, TcpFlags.Fin | TcpFlags.Rst, 500, 0));

        Assert.Equal("Qi", zeek.History);
    }

    [Fact]
    public void Should_start_with_a_caret_When_the_roles_were_turned_around()
    {
        var zeek = new ZeekConnection(Transport.Tcp);
        zeek.Flipped();
        zeek.Tcp(S, SynAck, 500, 0, 1000);

        Assert.StartsWith("^h", zeek.History, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_SF_Dd_for_an_answered_datagram_and_S0_D_for_an_unanswered_one_When_the_flow_is_udp()
    {
        var answered = new ZeekConnection(Transport.Udp);
        answered.Udp(C, 40);
        answered.Udp(S, 90);
        var unanswered = new ZeekConnection(Transport.Udp);
        unanswered.Udp(C, 40);
        unanswered.Udp(C, 40);

        Assert.Equal(("SF", "Dd"), (answered.ConnState(), answered.History));
        Assert.Equal(("S0", "D"), (unanswered.ConnState(), unanswered.History));
    }

    private static ZeekConnection Tcp(params (Direction Direction, TcpFlags Flags, uint Sequence, int Length)[] packets)
    {
        var zeek = new ZeekConnection(Transport.Tcp);
        foreach (var (direction, flags, sequence, length) in packets)
        {
            zeek.Tcp(direction, flags, sequence, length, window: 1000);
        }

        return zeek;
    }
}
