using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Normalization.Tcp;
using PcapDiff.Core.Zeek;

namespace PcapDiff.Core.Flows;

/// <summary>
/// A flow while its capture is read: identity, roles and counters. Each of its packets goes, in one
/// pass, through the TCP tracker, Zeek's history and the normalizer.
/// </summary>
internal sealed class FlowState
{
    private readonly TcpTracker? _tcp;
    private readonly ZeekConnection _zeek;
    private uint? _clientBaseSequence;
    private uint? _serverBaseSequence;
    private FlowCounters _toServer;
    private FlowCounters _toClient;

    public FlowState(int index, Transport protocol, Endpoint client, Endpoint server, TcpTracker? tcp, FlowNormalizer normalizer, in PacketRecord first)
    {
        Index = index;
        Protocol = protocol;
        Client = client;
        Server = server;
        Normalizer = normalizer;
        FirstFrame = first.FrameNumber;
        LastFrame = first.FrameNumber;
        Start = first.Timestamp;
        End = first.Timestamp;
        FirstDirection = first.Source == client ? Direction.ClientToServer : Direction.ServerToClient;
        _tcp = tcp;
        _zeek = new ZeekConnection(protocol);
        if (first.Source != client)
        {
            _zeek.Flipped();
        }
    }

    public int Index { get; }

    public Transport Protocol { get; }

    public Endpoint Client { get; }

    public Endpoint Server { get; }

    public FlowNormalizer Normalizer { get; }

    public long FirstFrame { get; }

    public DateTime Start { get; }

    /// <summary>Who sent the flow's first packet (Wireshark's side A).</summary>
    public Direction FirstDirection { get; }

    public long LastFrame { get; private set; }

    public DateTime End { get; private set; }

    public Direction DirectionOf(Endpoint source) => source == Client ? Direction.ClientToServer : Direction.ServerToClient;

    /// <summary>Takes a packet of the flow itself through its counters, the TCP tracker, Zeek's history and the normalizer.</summary>
    public void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload)
    {
        Count(packet, direction);
        if (_tcp is not null)
        {
            TrackSequence(packet, direction);
            _zeek.Tcp(direction, packet.Flags, packet.Sequence, packet.PayloadLength, packet.Window);
            if (_tcp.Add(packet, direction).Retransmitted)
            {
                _zeek.Retransmission(direction);
            }
        }
        else if (Protocol == Transport.Udp)
        {
            _zeek.Udp(direction, packet.PayloadLength);
        }

        Normalizer.Add(packet, direction, payload);
    }

    /// <summary>Counts a packet of the flow itself (ICMP errors about it are events, not traffic of it).</summary>
    private void Count(in PacketRecord packet, Direction direction)
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
    private void TrackSequence(in PacketRecord packet, Direction direction)
    {
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
        if (_tcp is not null)
        {
            // Bytes that never arrived: Zeek's content gaps.
            _zeek.ContentGaps(Direction.ClientToServer, _tcp.Side(Direction.ClientToServer).HoleCount);
            _zeek.ContentGaps(Direction.ServerToClient, _tcp.Side(Direction.ServerToClient).HoleCount);
        }

        return new Flow
        {
            Index = Index,
            Protocol = Protocol,
            Client = Client,
            Server = Server,
            ServerName = names.Find(Server.Address),
            IsDns = Normalizer.IsDns,
            QueryName = Normalizer.QueryName,
            FirstFrame = FirstFrame,
            LastFrame = LastFrame,
            Start = Start,
            End = End,
            ClientToServer = _toServer with { Retransmissions = _tcp?.Side(Direction.ClientToServer).Repeats ?? 0 },
            ServerToClient = _toClient with { Retransmissions = _tcp?.Side(Direction.ServerToClient).Repeats ?? 0 },
            FirstDirection = FirstDirection,
            Events = normalized.Events,
            Anomalies = _tcp?.Anomalies() ?? FlowAnomalies.None,
            ClientBytesUnacknowledged = _tcp?.Unacknowledged(Direction.ClientToServer) ?? 0,
            ServerBytesUnacknowledged = _tcp?.Unacknowledged(Direction.ServerToClient) ?? 0,
            EventsCapped = normalized.Capped,
            ZeekState = _zeek.ConnState(),
            ZeekHistory = _zeek.History,
        };
    }
}
