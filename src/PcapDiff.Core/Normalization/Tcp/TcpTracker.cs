using PcapDiff.Core.Model;
using static PcapDiff.Core.Normalization.Tcp.TcpSequence;

namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>
/// Follows both directions of a TCP connection packet by packet (sequence numbers, acknowledgments,
/// gaps) and tells of each packet whether its SYN, data and FIN are new, repeated or out of order.
/// Retransmissions, SYN retries, duplicate ACKs, reordering, keep-alives and zero windows are counted here.
/// </summary>
internal sealed class TcpTracker
{
    private const int MaxHoles = 32;

    // Both sides are values in the tracker itself: no allocation of their own.
    private TcpSide _client;
    private TcpSide _server;
    private TcpVerdict _verdict;
    private Direction? _handshakeAckFrom;
    private int _retransmissions;
    private int _synRetries;
    private int _synAckRetries;
    private int _duplicateAcks;
    private int _outOfOrder;
    private int _keepAlives;
    private int _zeroWindows;
    private (Direction From, long Frame)? _firstZeroWindow;

    /// <summary>What the tracker made of the last packet it took.</summary>
    public ref readonly TcpVerdict Verdict => ref _verdict;

    /// <summary>What is known about one direction.</summary>
    public ref readonly TcpSide Side(Direction direction) => ref SideOf(direction);

    /// <summary>Takes the connection's next packet and tells what it was.</summary>
    public ref readonly TcpVerdict Add(in PacketRecord packet, Direction direction)
    {
        _verdict = default;
        ref var sender = ref SideOf(direction);
        ref var receiver = ref SideOf(Peer(direction));
        var flags = packet.Flags;
        bool syn = (flags & TcpFlags.Syn) != 0;
        bool ack = (flags & TcpFlags.Ack) != 0;
        bool fin = (flags & TcpFlags.Fin) != 0;
        int length = packet.PayloadLength;

        if ((flags & TcpFlags.Rst) != 0)
        {
            // A RST that carries an ACK acknowledges too: the peer's TCP had the bytes it covers.
            _verdict.Reset = true;
            _verdict.Acknowledges = ack;
            return ref _verdict;
        }

        if (!syn && packet.Window == 0)
        {
            _zeroWindows++;
            _firstZeroWindow ??= (direction, packet.FrameNumber);
        }

        uint dataSequence = packet.Sequence;
        if (syn)
        {
            _verdict.Syn = AddSyn(packet, direction, ref sender, ack);
            dataSequence++;
        }
        else if (IsKeepAlive(packet, sender, fin, length))
        {
            _keepAlives++;
            return ref _verdict;
        }

        if (ack)
        {
            bool pure = !syn && !fin && length == 0;
            if (HandleAck(packet, direction, ref sender, receiver, pure, syn))
            {
                return ref _verdict;
            }
        }

        bool repeated = length > 0 && AddData(packet, ref sender, dataSequence);
        if (fin)
        {
            AddFin(ref sender, dataSequence + (uint)length, repeated);
        }

        return ref _verdict;
    }

    /// <summary>
    /// The event cap dropped this side's SYN: the side counts as having sent none, so a copy of it
    /// is taken as a first SYN rather than a retry.
    /// </summary>
    public void SynDropped(Direction direction) => SideOf(direction).SynSeen = false;

    /// <summary>What the tracker counted (retransmissions, SYN retries, …); <see cref="FlowAnomalies.None"/> when nothing.</summary>
    public FlowAnomalies Anomalies()
    {
        var anomalies = new FlowAnomalies
        {
            Retransmissions = _retransmissions,
            SynRetries = _synRetries,
            SynAckRetries = _synAckRetries,
            DuplicateAcks = _duplicateAcks,
            OutOfOrder = _outOfOrder,
            KeepAlives = _keepAlives,
            ZeroWindows = _zeroWindows,
            ZeroWindowFrom = _firstZeroWindow?.From,
            FirstZeroWindowFrame = _firstZeroWindow?.Frame,
        };
        return anomalies.Equals(FlowAnomalies.None) ? FlowAnomalies.None : anomalies;
    }

    /// <summary>The bytes <paramref name="direction"/> sent that the peer never acknowledged.</summary>
    public long Unacknowledged(Direction direction)
    {
        ref readonly var sender = ref SideOf(direction);
        ref readonly var receiver = ref SideOf(Peer(direction));
        if (sender.DataBytes == 0)
        {
            return 0;
        }

        if (!receiver.HasAck)
        {
            return sender.DataBytes;
        }

        uint dataEnd = sender.FinSent ? sender.FinSequence : sender.NextSequence;
        long outstanding = (int)(dataEnd - receiver.MaxAck);
        return Math.Clamp(outstanding, 0, sender.DataBytes);
    }

    private static Direction Peer(Direction direction) =>
        direction == Direction.ClientToServer ? Direction.ServerToClient : Direction.ClientToServer;

    private ref TcpSide SideOf(Direction direction) => ref direction == Direction.ClientToServer ? ref _client : ref _server;

    private static bool IsKeepAlive(in PacketRecord packet, in TcpSide sender, bool fin, int length) =>
        !fin && length <= 1 && sender.HasSequence && sender.DataBytes > 0 && packet.Sequence == sender.NextSequence - 1
        && (packet.Flags & TcpFlags.Ack) != 0;

    private TcpNovelty AddSyn(in PacketRecord packet, Direction direction, ref TcpSide sender, bool ack)
    {
        if (ack)
        {
            _handshakeAckFrom = Peer(direction);
        }

        if (sender.SynSeen && packet.Sequence == sender.InitialSequence)
        {
            if (ack)
            {
                _synAckRetries++;
            }
            else
            {
                _synRetries++;
            }

            sender.Repeats++;
            return TcpNovelty.Repeated;
        }

        sender.InitialSequence = packet.Sequence;
        sender.NextSequence = packet.Sequence + 1;
        sender.HasSequence = true;
        sender.SynSeen = true;
        return TcpNovelty.New;
    }

    /// <summary>Tracks acknowledgments; true when the packet is fully handled.</summary>
    private bool HandleAck(in PacketRecord packet, Direction direction, ref TcpSide sender, in TcpSide receiver, bool pure, bool syn)
    {
        uint acknowledgment = packet.Acknowledgment;
        bool advances = !sender.HasAck || After(acknowledgment, sender.MaxAck);
        if (advances)
        {
            sender.MaxAck = acknowledgment;
            sender.HasAck = true;
        }

        _verdict.Acknowledges = true;
        if (!syn && _handshakeAckFrom == direction)
        {
            // The third packet of the handshake; it may carry data, which follows as its own event.
            _handshakeAckFrom = null;
            _verdict.Ack = TcpAckRole.Handshake;
            return pure;
        }

        if (!pure)
        {
            _verdict.Ack = TcpAckRole.Carried;
            return false;
        }

        if (advances && (receiver.DataBytes > 0 || receiver.FinSent))
        {
            bool ofFin = receiver.FinSent && acknowledgment == receiver.FinSequence + 1;
            _verdict.Ack = ofFin ? TcpAckRole.LastWordOnFin : TcpAckRole.LastWordOnData;
        }
        else if (!advances && receiver.HasSequence && After(receiver.NextSequence, acknowledgment)
            && acknowledgment == sender.MaxAck && packet.Window == sender.LastWindow)
        {
            // Same acknowledgment and same window while data is outstanding (a window update is not a duplicate).
            _duplicateAcks++;
        }

        sender.LastWindow = packet.Window;
        return true;
    }

    /// <summary>Places a segment's payload in its side's stream; true when it only repeated bytes already seen.</summary>
    private bool AddData(in PacketRecord packet, ref TcpSide sender, uint sequence)
    {
        int length = packet.PayloadLength;
        if (!sender.HasSequence)
        {
            // The capture started mid-connection: this segment defines where the stream begins.
            sender.HasSequence = true;
            sender.NextSequence = sequence;
            sender.StreamSeenFrom = sequence;
        }

        _verdict.DataSequence = sequence;
        uint streamPosition = sender.NextSequence;
        uint end = sequence + (uint)length;
        long newBytes;
        int newFrom;
        if (!After(sender.NextSequence, sequence))
        {
            newFrom = sequence == sender.NextSequence ? 0 : -1;
            if (sequence != sender.NextSequence && sender.HoleCount < MaxHoles)
            {
                sender.AddHole(sender.NextSequence, sequence);
            }

            newBytes = length;
            sender.NextSequence = end;
        }
        else if (After(end, sender.NextSequence))
        {
            newFrom = (int)(sender.NextSequence - sequence);
            newBytes = end - sender.NextSequence;
            sender.NextSequence = end;
            _retransmissions++;
            sender.Repeats++;
            _verdict.Retransmitted = true;
        }
        else if (sender.FillHole(sequence, end))
        {
            _outOfOrder++;
            sender.DataBytes += length;
            _verdict.Data = TcpNovelty.FillsGap;
            return false;
        }
        else
        {
            _retransmissions++;
            sender.Repeats++;
            _verdict.Retransmitted = true;
            _verdict.Data = TcpNovelty.Repeated;
            return true;
        }

        _verdict.DataOnSyn = sender.SynSeen && sender.DataBytes == 0 && sequence == sender.InitialSequence;
        sender.DataBytes += newBytes;
        _verdict.Data = TcpNovelty.New;
        _verdict.StreamPosition = streamPosition;
        _verdict.DataEnd = sender.NextSequence;
        _verdict.NewBytes = newBytes;
        _verdict.NewFrom = newFrom;
        return false;
    }

    private void AddFin(ref TcpSide sender, uint finSequence, bool dataRepeated)
    {
        if (sender.FinSent && finSequence == sender.FinSequence)
        {
            // One packet repeating data and FIN is one retransmission.
            if (!dataRepeated)
            {
                _retransmissions++;
                sender.Repeats++;
            }

            _verdict.Fin = TcpNovelty.Repeated;
            return;
        }

        sender.HasSequence = true;
        sender.FinSent = true;
        sender.FinSequence = finSequence;
        if (!After(sender.NextSequence, finSequence + 1))
        {
            sender.NextSequence = finSequence + 1;
        }

        _verdict.Fin = TcpNovelty.New;
    }
}
