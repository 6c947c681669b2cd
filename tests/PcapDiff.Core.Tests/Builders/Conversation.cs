using System.Text;
using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// Packets between one client and one server, written the way one reads a trace:
/// <c>c.Client(TcpFlags.Syn, seq: 1000); c.Server(TcpFlags.Syn | TcpFlags.Ack, seq: 5000, ack: 1001);</c>.
/// Fields the pipeline must ignore (window, timing) have defaults a run can override.
/// </summary>
internal sealed class Conversation
{
    private readonly PacketBuilder _capture;
    private readonly Transport _protocol;

    public Conversation(PacketBuilder capture, Transport protocol, string client, ushort clientPort, string server, ushort serverPort)
    {
        _capture = capture;
        _protocol = protocol;
        ClientEndpoint = new Endpoint(IpAddress.Parse(client), clientPort);
        ServerEndpoint = new Endpoint(IpAddress.Parse(server), serverPort);
    }

    public Endpoint ClientEndpoint { get; }

    public Endpoint ServerEndpoint { get; }

    /// <summary>The window every TCP segment advertises unless told otherwise.</summary>
    public ushort Window { get; set; } = 64240;

    /// <summary>The capture the conversation belongs to.</summary>
    public PacketBuilder Capture => _capture;

    public static Conversation Tcp(string client, ushort clientPort, string server, ushort serverPort) =>
        new PacketBuilder().Tcp(client, clientPort, server, serverPort);

    public static Conversation Udp(string client, ushort clientPort, string server, ushort serverPort, NormalizationOptions? options = null) =>
        new PacketBuilder(options: options).Udp(client, clientPort, server, serverPort);

    public static Conversation IcmpEcho(string client, string server, ushort identifier) =>
        new PacketBuilder().IcmpEcho(client, server, identifier);

    /// <summary>A TCP segment from the client; <paramref name="payload"/> is ASCII text.</summary>
    public PacketRecord Client(TcpFlags flags, uint seq = 0, uint ack = 0, string? payload = null, ushort? window = null) =>
        Segment(Direction.ClientToServer, flags, seq, ack, Bytes(payload), window);

    /// <summary>A TCP segment from the server; <paramref name="payload"/> is ASCII text.</summary>
    public PacketRecord Server(TcpFlags flags, uint seq = 0, uint ack = 0, string? payload = null, ushort? window = null) =>
        Segment(Direction.ServerToClient, flags, seq, ack, Bytes(payload), window);

    /// <summary>A TCP segment from either side, with raw payload bytes.</summary>
    public PacketRecord Segment(Direction from, TcpFlags flags, uint seq, uint ack, byte[] payload, ushort? window = null) =>
        Send(
            from,
            new PacketRecord
            {
                Protocol = Transport.Tcp,
                Flags = flags,
                Sequence = seq,
                Acknowledgment = ack,
                Window = window ?? Window,
                PayloadLength = payload.Length,
            },
            payload);

    /// <summary>A UDP datagram from the client.</summary>
    public PacketRecord ClientDatagram(byte[] payload) => Datagram(Direction.ClientToServer, payload);

    /// <summary>A UDP datagram from the server.</summary>
    public PacketRecord ServerDatagram(byte[] payload) => Datagram(Direction.ServerToClient, payload);

    /// <summary>A UDP datagram from the client with ASCII text.</summary>
    public PacketRecord ClientDatagram(string text) => Datagram(Direction.ClientToServer, Bytes(text));

    /// <summary>A UDP datagram from the server with ASCII text.</summary>
    public PacketRecord ServerDatagram(string text) => Datagram(Direction.ServerToClient, Bytes(text));

    /// <summary>An ICMP echo request from the client (the conversation's port is the identifier).</summary>
    public PacketRecord EchoRequest(int bodyLength = 56) =>
        Echo(Direction.ClientToServer, (byte)(_protocol == Transport.Icmpv6 ? 128 : 8), bodyLength);

    /// <summary>An ICMP echo reply from the server.</summary>
    public PacketRecord EchoReply(int bodyLength = 56) =>
        Echo(Direction.ServerToClient, (byte)(_protocol == Transport.Icmpv6 ? 129 : 0), bodyLength);

    /// <summary>
    /// An ICMP error from <paramref name="sender"/> (the server's address by default) to the client,
    /// quoting a packet the client sent to the server in this conversation.
    /// </summary>
    public PacketRecord IcmpErrorToClient(byte type, byte code, string? sender = null) =>
        _capture.IcmpMessage(
            sender ?? ServerEndpoint.Address.ToString(),
            ClientEndpoint.Address.ToString(),
            type,
            code,
            new QuotedHeader(_protocol, ClientEndpoint, ServerEndpoint));

    public CaptureFlows Finish() => _capture.Finish();

    private PacketRecord Datagram(Direction from, byte[] payload) =>
        Send(from, new PacketRecord { Protocol = Transport.Udp, PayloadLength = payload.Length }, payload);

    private PacketRecord Echo(Direction from, byte type, int bodyLength) =>
        Send(from, new PacketRecord { Protocol = _protocol, IcmpType = type, IcmpIdentifier = ClientEndpoint.Port, PayloadLength = bodyLength }, []);

    private PacketRecord Send(Direction from, PacketRecord packet, byte[] payload)
    {
        bool toServer = from == Direction.ClientToServer;
        var source = toServer ? ClientEndpoint : ServerEndpoint;
        var destination = toServer ? ServerEndpoint : ClientEndpoint;
        if (packet.Protocol is Transport.Icmp or Transport.Icmpv6)
        {
            // ICMP has no ports: the identifier travels in its own field.
            source = source with { Port = 0 };
            destination = destination with { Port = 0 };
        }

        return _capture.Send(packet with { Source = source, Destination = destination }, payload);
    }

    private static byte[] Bytes(string? text) => text is null ? [] : Encoding.ASCII.GetBytes(text);
}
