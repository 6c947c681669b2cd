using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// TCP: SYN, SYN-ACK, FIN and RST become events; consecutive data segments in one direction
/// coalesce into one DATA event counting new bytes only; pure ACKs become events only where they
/// carry meaning (completing the handshake, or being a side's last word on the peer's data or FIN).
/// Retransmissions, SYN retries, duplicate ACKs, reordering, keep-alives and zero windows are
/// counted as anomalies and never become events of their own.
/// </summary>
internal sealed class TcpNormalizer(NormalizationOptions options, ushort serverPort) : FlowNormalizer(options, Transport.Tcp)
{
    private const int MaxHoles = 32;

    private readonly Side[] _sides = [new Side(), new Side()];
    // Made on the first pure ACK worth keeping: a scan's one-SYN flows never need it.
    private PendingAck?[]? _pending;
    private Direction? _handshakeAckFrom;
    private readonly int[] _repeatsBy = new int[2];
    private int _retransmissions;
    private int _synRetries;
    private int _synAckRetries;
    private int _duplicateAcks;
    private int _outOfOrder;
    private int _keepAlives;
    private int _zeroWindows;
    private AppStream? _app;
    private bool _appChecked;
    private (Direction From, long Frame)? _firstZeroWindow;

    public override void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload)
    {
        var sender = _sides[(int)direction];
        var receiver = _sides[1 - (int)direction];
        var flags = packet.Flags;
        bool syn = (flags & TcpFlags.Syn) != 0;
        bool ack = (flags & TcpFlags.Ack) != 0;
        bool fin = (flags & TcpFlags.Fin) != 0;
        bool rst = (flags & TcpFlags.Rst) != 0;
        int length = packet.PayloadLength;
        Zeek.Tcp(direction, flags, packet.Sequence, length, packet.Window);

        if (rst)
        {
            if ((flags & TcpFlags.Ack) != 0)
            {
                // A RST that carries an ACK acknowledges too: the peer's TCP had the bytes it covers.
                receiver.Acknowledged(packet.Acknowledgment, packet);
            }

            AddReset(packet, direction);
            return;
        }

        if (!syn && packet.Window == 0)
        {
            _zeroWindows++;
            _firstZeroWindow ??= (direction, packet.FrameNumber);
        }

        uint dataSequence = packet.Sequence;
        if (syn)
        {
            AddSyn(packet, direction, sender, receiver, ack);
            dataSequence++;
        }
        else if (IsKeepAlive(packet, sender, fin, length))
        {
            _keepAlives++;
            return;
        }

        if (ack)
        {
            bool pure = !syn && !fin && length == 0;
            if (HandleAck(packet, direction, sender, receiver, pure, syn))
            {
                return;
            }
        }

        bool repeated = length > 0 && AddData(packet, direction, sender, dataSequence, payload);
        if (fin)
        {
            AddFin(packet, direction, sender, dataSequence + (uint)length, repeated);
        }
    }

    public override NormalizedFlow Finish()
    {
        OrderClose();

        // A pure ACK that no later packet of its side superseded is that side's last word on the
        // peer's data or FIN: it becomes an event where it happened.
        // Only now does a pending ACK become an event object: most are superseded long before.
        // The later one goes in first, so the earlier one's index still holds.
        var (later, earlier) = _pending is null ? (null, null) : (_pending[0], _pending[1]);
        if (later is { } a && earlier is { } b && (b.Index, b.Packet.FrameNumber).CompareTo((a.Index, a.Packet.FrameNumber)) > 0)
        {
            (later, earlier) = (earlier, later);
        }

        InsertAck(later);
        InsertAck(earlier);

        // Bytes that never arrived: Zeek's content gaps.
        Zeek.ContentGaps(Direction.ClientToServer, _sides[0].HoleCount);
        Zeek.ContentGaps(Direction.ServerToClient, _sides[1].HoleCount);

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
        return new NormalizedFlow(
            Events.ToEvents(),
            anomalies.Equals(FlowAnomalies.None) ? FlowAnomalies.None : anomalies,
            Unacknowledged(_sides[0], _sides[1]),
            Unacknowledged(_sides[1], _sides[0]),
            Events.Capped)
        {
            RepeatedPackets = [_repeatsBy[0], _repeatsBy[1]],
        };
    }

    /// <summary>
    /// When both sides close and their FINs follow each other, which FIN goes first is a race (who
    /// notices the end first): the two become one close in a fixed order, the client's FIN first, and
    /// the ACKs of those FINs are no events of their own (each FIN keeps the frame that acknowledged it).
    /// Frames stay those of the capture, so the rows show who really closed first.
    /// </summary>
    private void OrderClose()
    {
        if (_sides[0].FinEvent is not { } clientFin || _sides[1].FinEvent is not { } serverFin)
        {
            return;
        }

        int client = Events.IndexOf(clientFin);
        int server = Events.IndexOf(serverFin);
        if (client < 0 || server < 0 || Math.Abs(client - server) != 1)
        {
            return;
        }

        if (server < client)
        {
            Events.Swap(client, server);
        }

        int after = Math.Max(client, server) + 1;
        for (int side = 0; side < 2; side++)
        {
            if (_pending?[side] is { OfFin: true } ack && ack.Index >= after)
            {
                _pending![side] = null;
            }
        }
    }

    private void InsertAck(PendingAck? pending)
    {
        if (pending is { } ack)
        {
            Events.Insert(ack.Index, new EventDraft(EventKind.Ack, ack.Direction, ack.Packet) { Acknowledges = ack.OfFin ? AckMeaning.Fin : AckMeaning.Data });
        }
    }

    private static long Unacknowledged(Side sender, Side receiver)
    {
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

    private static bool IsKeepAlive(in PacketRecord packet, Side sender, bool fin, int length) =>
        !fin && length <= 1 && sender.HasSequence && sender.DataBytes > 0 && packet.Sequence == sender.NextSequence - 1
        && (packet.Flags & TcpFlags.Ack) != 0;

    private static bool After(uint a, uint b) => (int)(a - b) > 0;

    private void AddReset(in PacketRecord packet, Direction direction)
    {
        if (Events.Last is { Kind: EventKind.Rst } last && last.Direction == direction)
        {
            last.Repeat(packet);
            return;
        }

        Events.Add(EventKind.Rst, direction, packet);
    }

    private void AddSyn(in PacketRecord packet, Direction direction, Side sender, Side receiver, bool ack)
    {
        if (ack)
        {
            _handshakeAckFrom = direction == Direction.ClientToServer ? Direction.ServerToClient : Direction.ClientToServer;
        }

        if (sender.SynEvent is not null && packet.Sequence == sender.InitialSequence)
        {
            sender.SynEvent.Repeat(packet);
            if (ack)
            {
                _synAckRetries++;
            }
            else
            {
                _synRetries++;
            }

            _repeatsBy[(int)direction]++;
            return;
        }

        sender.InitialSequence = packet.Sequence;
        sender.NextSequence = packet.Sequence + 1;
        sender.HasSequence = true;
        sender.SynEvent = Events.Add(ack ? EventKind.SynAck : EventKind.Syn, direction, packet);
        if (sender.SynEvent is { } syn)
        {
            syn.EndSequence = packet.Sequence + 1;
            sender.AwaitAck(syn);
            if (ack && receiver.SynEvent is not null)
            {
                syn.Mismatch = Mismatch(TcpNumber.Acknowledgment, packet.Acknowledgment, receiver.InitialSequence);
            }
        }
    }

    /// <summary>A relative number other than 1, the only one a handshake may acknowledge or data may start at; null when it is 1.</summary>
    private static SequenceMismatch? Mismatch(TcpNumber field, uint value, uint initialSequence)
    {
        long relative = (uint)(value - initialSequence);
        return relative == 1 ? null : new SequenceMismatch(field, relative, 1);
    }

    /// <summary>Tracks acknowledgments; true when the packet is fully handled.</summary>
    private bool HandleAck(in PacketRecord packet, Direction direction, Side sender, Side receiver, bool pure, bool syn)
    {
        uint acknowledgment = packet.Acknowledgment;
        bool advances = !sender.HasAck || After(acknowledgment, sender.MaxAck);
        if (advances)
        {
            sender.MaxAck = acknowledgment;
            sender.HasAck = true;
        }

        receiver.Acknowledged(acknowledgment, packet);
        if (!syn && _handshakeAckFrom == direction)
        {
            // The third packet of the handshake; it may carry data, which follows as its own event.
            _handshakeAckFrom = null;
            if (Events.Add(EventKind.Ack, direction, packet) is { } handshake)
            {
                handshake.Acknowledges = AckMeaning.Handshake;
                if (receiver.SynEvent is not null)
                {
                    handshake.Mismatch = Mismatch(TcpNumber.Acknowledgment, acknowledgment, receiver.InitialSequence);
                }
            }

            return pure;
        }

        if (!pure)
        {
            // Data, FIN or SYN carrying an ACK says everything an earlier pure ACK said.
            if (_pending is not null)
            {
                _pending[(int)direction] = null;
            }

            return false;
        }

        if (advances && (receiver.DataBytes > 0 || receiver.FinSent))
        {
            bool ofFin = receiver.FinSent && acknowledgment == receiver.FinSequence + 1;
            (_pending ??= new PendingAck?[2])[(int)direction] = new PendingAck(Events.Count, direction, packet, ofFin);
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

    /// <summary>Adds a segment's payload; true when it only repeated bytes already seen.</summary>
    private bool AddData(in PacketRecord packet, Direction direction, Side sender, uint sequence, ReadOnlySpan<byte> payload)
    {
        int length = packet.PayloadLength;
        if (!sender.HasSequence)
        {
            // The capture started mid-connection: this segment defines where the stream begins.
            sender.HasSequence = true;
            sender.NextSequence = sequence;
            sender.StreamSeenFrom = sequence;
        }

        if (!_appChecked)
        {
            DetectApplication(direction, sender, sequence, payload);
        }

        uint streamPosition = sender.NextSequence;
        uint end = sequence + (uint)length;
        long newBytes;
        int newFrom; // where the segment's new bytes start, -1 when they come after a gap
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
            _repeatsBy[(int)direction]++;
            Zeek.Retransmission(direction);
        }
        else if (sender.FillHole(sequence, end))
        {
            _outOfOrder++;
            sender.DataBytes += length;
            if (sender.DataEvent is { } reordered)
            {
                reordered.Bytes += length;
                reordered.Touch(packet);
                reordered.WritePreview((int)(sequence - reordered.StartSequence), payload);
            }

            return false;
        }
        else
        {
            _retransmissions++;
            _repeatsBy[(int)direction]++;
            Zeek.Retransmission(direction);
            sender.DataEvent?.Repeat(packet);
            return true;
        }

        bool startsAtSyn = sender.SynEvent is not null && sender.DataBytes == 0 && sequence == sender.InitialSequence;
        sender.DataBytes += newBytes;
        if (Events.Last is { Kind: EventKind.Data } last && last.Direction == direction && ReferenceEquals(last, sender.DataEvent))
        {
            last.Touch(packet);
            last.Bytes += newBytes;
            last.WritePreview((int)(sequence - last.StartSequence), payload);
            last.EndSequence = sender.NextSequence;
            sender.AwaitAck(last);
        }
        else
        {
            // A new event starts where the stream stood: before this segment when it arrived ahead of
            // a gap (the gap's bytes land in front of it later), after its start when it overlaps old bytes.
            var draft = Events.Add(EventKind.Data, direction, packet);
            if (draft is not null)
            {
                draft.Bytes = newBytes;
                draft.StartSequence = streamPosition;
                draft.HidePreview = _app?.PayloadIsOpaque == true;
                draft.WritePreview((int)(sequence - draft.StartSequence), payload);
                draft.EndSequence = sender.NextSequence;
                sender.AwaitAck(draft);
                if (startsAtSyn)
                {
                    // The first byte of data sits on the SYN's own sequence number: one too early.
                    draft.Mismatch = new SequenceMismatch(TcpNumber.Sequence, 0, 1);
                }
            }

            sender.DataEvent = draft;
        }

        FeedApplication(packet, direction, sender, newFrom, payload);
        return false;
    }

    /// <summary>
    /// Looks for an application protocol in the connection's first payload when it starts its side's
    /// stream: right after the SYN, or, in a capture that began mid-connection, where the capture
    /// began; there only content that is clearly the protocol counts, never the port alone.
    /// </summary>
    private void DetectApplication(Direction direction, Side sender, uint sequence, ReadOnlySpan<byte> payload)
    {
        _appChecked = true;
        bool afterSyn = sender.SynEvent is not null && sequence == sender.InitialSequence + 1;
        bool captureStart = sender.SynEvent is null && sender.StreamSeenFrom == sequence;
        if ((afterSyn || captureStart) && AppDetector.Detect(direction, payload, afterSyn ? serverPort : (ushort)0) is { } decoder)
        {
            _app = new AppStream(decoder);
        }
    }

    /// <summary>Feeds a segment's new bytes to the application decoder; its messages go just before the data event.</summary>
    private void FeedApplication(in PacketRecord packet, Direction direction, Side sender, int newFrom, ReadOnlySpan<byte> payload)
    {
        if (_app is null)
        {
            return;
        }

        if (newFrom < 0 || !sender.StreamStartKnown)
        {
            // Bytes are missing before this segment, or where the side's stream starts is unknown.
            _app.Stop(direction);
            return;
        }

        var captured = newFrom < payload.Length ? payload[newFrom..] : [];
        var messages = _app.Feed(direction, captured, packet.PayloadLength - newFrom);
        if (sender.DataEvent is { } data)
        {
            foreach (var message in messages)
            {
                Events.AddMessage(data, _app.Kind, packet, message.Detail);
            }

            foreach (var record in _app.Records)
            {
                data.AddRecord(record);
            }
        }
    }

    private void AddFin(in PacketRecord packet, Direction direction, Side sender, uint finSequence, bool dataRepeated)
    {
        if (sender.FinSent && finSequence == sender.FinSequence)
        {
            // One packet repeating data and FIN is one retransmission.
            sender.FinEvent?.Repeat(packet);
            if (!dataRepeated)
            {
                _retransmissions++;
                _repeatsBy[(int)direction]++;
            }

            return;
        }

        if (!sender.HasSequence)
        {
            sender.HasSequence = true;
        }

        sender.FinSent = true;
        sender.FinSequence = finSequence;
        if (!After(sender.NextSequence, finSequence + 1))
        {
            sender.NextSequence = finSequence + 1;
        }

        sender.FinEvent = Events.Add(EventKind.Fin, direction, packet);
        if (sender.FinEvent is { } fin)
        {
            fin.EndSequence = finSequence + 1;
            sender.AwaitAck(fin);
        }
    }

    /// <summary>A pure ACK that may yet become an event; a value, so tracking it allocates nothing.</summary>
    private readonly record struct PendingAck(int Index, Direction Direction, PacketRecord Packet, bool OfFin);

    /// <summary>What is known about one direction of the connection.</summary>
    private sealed class Side
    {
        public bool HasSequence { get; set; }

        public uint InitialSequence { get; set; }

        /// <summary>One past the highest sequence number sent so far.</summary>
        public uint NextSequence { get; set; }

        public bool HasAck { get; set; }

        /// <summary>The highest acknowledgment this side has sent (of the other side's bytes).</summary>
        public uint MaxAck { get; set; }

        public long DataBytes { get; set; }

        /// <summary>The window of this side's last pure ACK, to tell duplicate ACKs from window updates.</summary>
        public ushort LastWindow { get; set; }

        public bool FinSent { get; set; }

        public uint FinSequence { get; set; }

        public EventDraft? SynEvent { get; set; }

        /// <summary>Where the capture first saw this side's bytes, when it never saw its SYN.</summary>
        public uint? StreamSeenFrom { get; set; }

        /// <summary>Whether stream offsets of this side count from a known start (its SYN, or where the capture began).</summary>
        public bool StreamStartKnown => SynEvent is not null || StreamSeenFrom is not null;

        public EventDraft? DataEvent { get; set; }

        public EventDraft? FinEvent { get; set; }

        // Both made on first use, as most sides of most flows never need them.
        private List<(uint Start, uint End)>? _holes;
        private Queue<EventDraft>? _awaitingAck;

        /// <summary>Gaps in this side's stream the capture has not seen filled.</summary>
        public int HoleCount => _holes?.Count ?? 0;

        public void AddHole(uint start, uint end) => (_holes ??= []).Add((start, end));

        /// <summary>Waits for the peer to acknowledge the event up to its end (again, when it grew since it was acknowledged).</summary>
        public void AwaitAck(EventDraft draft)
        {
            draft.Acknowledged = null;
            if (!draft.AwaitingAck)
            {
                draft.AwaitingAck = true;
                (_awaitingAck ??= new Queue<EventDraft>()).Enqueue(draft);
            }
        }

        /// <summary>The peer acknowledged everything before <paramref name="acknowledgment"/>: the events it covers whole note the frame.</summary>
        public void Acknowledged(uint acknowledgment, in PacketRecord packet)
        {
            while (_awaitingAck is not null && _awaitingAck.TryPeek(out var draft) && !After(draft.EndSequence, acknowledgment))
            {
                _awaitingAck.Dequeue();
                draft.AwaitingAck = false;
                draft.Acknowledged = (packet.FrameNumber, packet.Timestamp);
            }
        }

        /// <summary>True when [start, end) lies in a gap left earlier (the segment arrived out of order).</summary>
        public bool FillHole(uint start, uint end)
        {
            for (int i = 0; i < HoleCount; i++)
            {
                var (holeStart, holeEnd) = _holes![i];
                if (!After(holeStart, start) && !After(end, holeEnd))
                {
                    _holes.RemoveAt(i);
                    if (After(start, holeStart))
                    {
                        _holes.Add((holeStart, start));
                    }

                    if (After(holeEnd, end))
                    {
                        _holes.Add((end, holeEnd));
                    }

                    return true;
                }
            }

            return false;
        }
    }
}
