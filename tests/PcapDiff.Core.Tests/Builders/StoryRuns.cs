using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// The runs of the product's story, built in memory: <c>nc collector 8514</c> sending <c>hoge</c>
/// and getting <c>201</c> back, and the ways it goes wrong.
/// </summary>
internal static class StoryRuns
{
    public const string ClientAddress = "192.0.2.10";
    public const string ServerAddress = "192.0.2.1";
    public const string ResolverAddress = "192.0.2.53";
    public const ushort ServicePort = 8514;

    private const TcpFlags Syn = TcpFlags.Syn;
    private const TcpFlags SynAck = TcpFlags.Syn | TcpFlags.Ack;
    private const TcpFlags Ack = TcpFlags.Ack;
    private const TcpFlags PshAck = TcpFlags.Psh | TcpFlags.Ack;
    private const TcpFlags FinAck = TcpFlags.Fin | TcpFlags.Ack;

    /// <summary>The events every good run normalizes to.</summary>
    public static IReadOnlyList<string> GoodEvents { get; } =
    [
        "C→S SYN",
        "S→C SYN-ACK",
        "C→S ACK",
        "C→S DATA 5B \"hoge\\n\"",
        "S→C DATA 4B \"201\\n\"",
        "C→S FIN",
        "S→C FIN",
    ];

    /// <summary>Every run below by name, for checks that must hold for all of them.</summary>
    public static IReadOnlyDictionary<string, Func<CaptureFlows>> All { get; } = new Dictionary<string, Func<CaptureFlows>>
    {
        ["good"] = () => Good(),
        ["good-ipv6"] = () => Good(Conversation.Tcp("2001:db8::10", 50000, "2001:db8::1", ServicePort), 7, 9),
        ["raw-socket"] = () => RawSocket(),
        ["refused"] = Refused,
        ["unanswered"] = Unanswered,
        ["dns-then-nc"] = () => DnsThenNc(),
        ["nxdomain"] = Nxdomain,
        ["ping"] = Ping,
        ["udp-port-unreachable"] = UdpPortUnreachable,
        ["udp-datagrams"] = UdpDatagrams,
    };

    public static TheoryData<string> Names => [.. All.Keys];

    public static Conversation Nc(PacketBuilder? capture = null, ushort clientPort = 43320) =>
        (capture ?? new PacketBuilder()).Tcp(ClientAddress, clientPort, ServerAddress, ServicePort);

    /// <summary>A lookup of <paramref name="name"/> from the client's <paramref name="port"/>, answered 192.0.2.200.</summary>
    public static void Lookup(PacketBuilder capture, ushort port, string name, string resolver = ResolverAddress)
    {
        var dns = capture.Udp(ClientAddress, port, resolver, 53);
        dns.ClientDatagram(DnsWire.Query(port, name));
        dns.ServerDatagram(DnsWire.Answer(port, name, "192.0.2.200"));
    }

    /// <summary>One connection to the collector per (payload, client port), in order: handshake, the payload, the client's RST.</summary>
    public static IReadOnlyList<Flow> Connections(params (string Payload, ushort Port)[] connections)
    {
        var capture = new PacketBuilder();
        foreach (var (payload, port) in connections)
        {
            var c = Nc(capture, port);
            c.Client(TcpFlags.Syn, seq: 100);
            c.Server(TcpFlags.Syn | TcpFlags.Ack, seq: 200, ack: 101);
            c.Client(TcpFlags.Ack, seq: 101, ack: 201);
            c.Client(TcpFlags.Psh | TcpFlags.Ack, seq: 101, ack: 201, payload: payload);
            c.Client(TcpFlags.Rst, seq: 101 + (uint)payload.Length);
        }

        return capture.Finish().Flows;
    }

    public static CaptureFlows Good() => Good(Nc(), 1000, 5000);

    /// <summary>The good exchange on <paramref name="c"/>, with the given initial sequence numbers.</summary>
    public static CaptureFlows Good(Conversation c, uint clientIsn, uint serverIsn)
    {
        GoodExchange(c, clientIsn, serverIsn);
        return c.Finish();
    }

    /// <summary>Handshake, "hoge\n" up, "201\n" down, the server closes first.</summary>
    public static void GoodExchange(Conversation c, uint clientIsn, uint serverIsn)
    {
        uint cs = clientIsn + 1;
        uint ss = serverIsn + 1;
        c.Client(Syn, seq: clientIsn);
        c.Server(SynAck, seq: serverIsn, ack: cs);
        c.Client(Ack, seq: cs, ack: ss);
        c.Client(PshAck, seq: cs, ack: ss, payload: "hoge\n");
        c.Server(PshAck, seq: ss, ack: cs + 5, payload: "201\n");
        c.Client(Ack, seq: cs + 5, ack: ss + 4);
        c.Server(FinAck, seq: ss + 4, ack: cs + 5);
        c.Client(FinAck, seq: cs + 5, ack: ss + 5);
        c.Server(Ack, seq: ss + 5, ack: cs + 6);
    }

    /// <summary>
    /// A raw-socket client: its kernel resets the server's SYN-ACK (frame 3), the hand-made ACK and
    /// data still go out, and the server, which forgot the connection, resets them.
    /// </summary>
    public static CaptureFlows RawSocket(string payload = "hoge\n")
    {
        var c = Nc(clientPort: 40001);
        RawSocketExchange(c, 0x1234_5678, 0x9abc_def0, payload);
        return c.Finish();
    }

    public static void RawSocketExchange(Conversation c, uint clientIsn, uint serverIsn, string payload = "hoge\n")
    {
        uint cs = clientIsn + 1;
        uint ss = serverIsn + 1;
        c.Client(Syn, seq: clientIsn);
        c.Server(SynAck, seq: serverIsn, ack: cs);
        c.Client(TcpFlags.Rst, seq: cs);
        c.Client(PshAck, seq: cs, ack: ss, payload: payload);
        c.Server(TcpFlags.Rst, seq: ss);
    }

    /// <summary>Nothing listens: the SYN is answered by RST.</summary>
    public static CaptureFlows Refused()
    {
        var c = Nc(clientPort: 40002);
        c.Client(Syn, seq: 2000);
        c.Server(TcpFlags.Rst | TcpFlags.Ack, seq: 0, ack: 2001);
        return c.Finish();
    }

    /// <summary>The SYN is dropped: three attempts, nothing comes back.</summary>
    public static CaptureFlows Unanswered()
    {
        var c = Nc(clientPort: 40003);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            c.Capture.Wait(TimeSpan.FromSeconds(1 << attempt));
            c.Client(Syn, seq: 3000);
        }

        return c.Finish();
    }

    /// <summary>The client resolves collector.test, then runs the good exchange with the address it got.</summary>
    public static CaptureFlows DnsThenNc(ushort dnsId = 0x1234)
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(ClientAddress, 51000, ResolverAddress, 53);
        dns.ClientDatagram(DnsWire.Query(dnsId, "collector.test"));
        dns.ServerDatagram(DnsWire.Answer(dnsId, "collector.test", ServerAddress));
        GoodExchange(Nc(capture), 1000, 5000);
        return capture.Finish();
    }

    /// <summary>The resolver says collector.test does not exist, so no connection follows.</summary>
    public static CaptureFlows Nxdomain()
    {
        var capture = new PacketBuilder();
        var dns = capture.Udp(ClientAddress, 51001, ResolverAddress, 53);
        dns.ClientDatagram(DnsWire.Query(0x4321, "collector.test"));
        dns.ServerDatagram(DnsWire.Error(0x4321, "collector.test", rcode: 3));
        return capture.Finish();
    }

    public static CaptureFlows Ping()
    {
        var c = Conversation.IcmpEcho(ClientAddress, ServerAddress, 0x77);
        c.EchoRequest();
        c.EchoReply();
        return c.Finish();
    }

    /// <summary>A datagram to a closed UDP port, answered by ICMP port-unreachable.</summary>
    public static CaptureFlows UdpPortUnreachable()
    {
        var c = Conversation.Udp(ClientAddress, 41000, ServerAddress, 5000);
        c.ClientDatagram("ping?");
        c.IcmpErrorToClient(type: 3, code: 3);
        return c.Finish();
    }

    public static CaptureFlows UdpDatagrams()
    {
        var c = Conversation.Udp(ClientAddress, 41000, ServerAddress, 5000);
        c.ClientDatagram("datagram-1");
        c.ClientDatagram("datagram-2");
        c.ClientDatagram("datagram-3");
        c.ServerDatagram("ok");
        return c.Finish();
    }
}
