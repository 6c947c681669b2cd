using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Flows;

/// <summary>A flow while its capture is read: identity, roles, counters and its normalizer.</summary>
internal sealed class FlowState(int index, Transport protocol, Endpoint client, Endpoint server, FlowNormalizer normalizer, in PacketRecord first)
{
    private uint? _clientBaseSequence;
    private uint? _serverBaseSequence;
    private FlowCounters _toServer;
    private FlowCounters _toClient;

    public int Index { get; } = index;

    public Transport Protocol { get; } = protocol;

    public Endpoint Client { get; } = client;

    public Endpoint Server { get; } = server;

    public FlowNormalizer Normalizer { get; } = normalizer;

    public long FirstFrame { get; } = first.FrameNumber;

    public DateTime Start { get; } = first.Timestamp;

    /// <summary>Who sent the flow's first packet (Wireshark's side A).</summary>
    public Direction FirstDirection { get; } = first.Source == client ? Direction.ClientToServer : Direction.ServerToClient;

    public long LastFrame { get; private set; } = first.FrameNumber;

    public DateTime End { get; private set; } = first.Timestamp;

    public Direction DirectionOf(Endpoint source) => source == Client ? Direction.ClientToServer : Direction.ServerToClient;

    /// <summary>Counts a packet of the flow itself (ICMP errors about it are events, not traffic of it).</summary>
    public void Count(in PacketRecord packet, Direction direction)
    {
        var counters = direction == Direction.ClientToServer ? _toServer : _toClient;
        var flags = packet.Protocol == Transport.Tcp ? packet.Flags : TcpFlags.None;
        counters = counters with
        {
            Packets = counters.Packets + 1,
            FrameBytes = counters.FrameBytes + packet.FrameLength,
            PayloadBytes = counters.PayloadBytes + packet.PayloadLength,
            Syns = counters.Syns + ((flags & TcpFlags.Syn) != 0 ? 1 : 0),
            Fins = counters.Fins + ((flags & TcpFlags.Fin) != 0 ? 1 : 0),
            Resets = counters.Resets + ((flags & TcpFlags.Rst) != 0 ? 1 : 0),
        };
        if (direction == Direction.ClientToServer)
        {
            _toServer = counters;
        }
        else
        {
            _toClient = counters;
        }

        Seen(packet);
    }

    /// <summary>
    /// TCP: whether <paramref name="packet"/> opens a new connection on this flow's tuple, by
    /// Wireshark's rule (packet-tcp.c): a SYN without ACK whose sequence number differs from the
    /// base sequence number its sender's direction already has. A SYN repeating that number is a
    /// retransmission, even after a FIN or RST; a SYN-ACK never starts a new connection.
    /// </summary>
    public bool StartsNewConnection(in PacketRecord packet) =>
        packet.Protocol == Transport.Tcp
        && (packet.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn
        && BaseSequence(DirectionOf(packet.Source)) is { } baseSequence
        && packet.Sequence != baseSequence;

    /// <summary>
    /// TCP: notes the base sequence numbers as Wireshark does: a direction's first packet sets its
    /// own (the SYN's sequence number, else one before the segment's), and the first ACK from the
    /// other side sets it to one before the acknowledgment number when it is not set yet.
    /// </summary>
    public void TrackSequence(in PacketRecord packet, Direction direction)
    {
        if (packet.Protocol != Transport.Tcp)
        {
            return;
        }

        if (BaseSequence(direction) is null)
        {
            SetBaseSequence(direction, (packet.Flags & TcpFlags.Syn) != 0 ? packet.Sequence : packet.Sequence - 1);
        }

        var peer = direction == Direction.ClientToServer ? Direction.ServerToClient : Direction.ClientToServer;
        if ((packet.Flags & TcpFlags.Ack) != 0 && BaseSequence(peer) is null)
        {
            SetBaseSequence(peer, packet.Acknowledgment - 1);
        }
    }

    private uint? BaseSequence(Direction direction) =>
        direction == Direction.ClientToServer ? _clientBaseSequence : _serverBaseSequence;

    private void SetBaseSequence(Direction direction, uint value)
    {
        if (direction == Direction.ClientToServer)
        {
            _clientBaseSequence = value;
        }
        else
        {
            _serverBaseSequence = value;
        }
    }

    public void Seen(in PacketRecord packet)
    {
        if (packet.FrameNumber > LastFrame)
        {
            LastFrame = packet.FrameNumber;
            End = packet.Timestamp;
        }
    }

    public Flow ToFlow(HostNameRegistry names)
    {
        var normalized = Normalizer.Finish();
        return new Flow
        {
            Index = Index,
            Protocol = Protocol,
            Client = Client,
            Server = Server,
            ServerName = names.Find(Server.Address),
            Application = Normalizer.Application,
            QueryName = Normalizer.QueryName,
            FirstFrame = FirstFrame,
            LastFrame = LastFrame,
            Start = Start,
            End = End,
            ClientToServer = _toServer with { Retransmissions = normalized.RepeatedPackets[0] },
            ServerToClient = _toClient with { Retransmissions = normalized.RepeatedPackets[1] },
            FirstDirection = FirstDirection,
            Events = normalized.Events,
            Anomalies = normalized.Anomalies,
            ClientBytesUnacknowledged = normalized.ClientBytesUnacknowledged,
            ServerBytesUnacknowledged = normalized.ServerBytesUnacknowledged,
            EventsCapped = normalized.Capped,
            ZeekState = Normalizer.Zeek.ConnState(),
            ZeekHistory = Normalizer.Zeek.History,
        };
    }
}
