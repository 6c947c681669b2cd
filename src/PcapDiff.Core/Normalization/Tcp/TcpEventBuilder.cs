using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>
/// The TCP normalizer: turns the tracker's verdict on each packet into events. SYN, SYN-ACK, FIN
/// and RST become events; consecutive data segments in one direction coalesce into one DATA event
/// counting new bytes only; pure ACKs become events only where they carry meaning (completing the
/// handshake, or being a side's last word on the peer's data or FIN). Repeats and reordering change
/// the events they touch, never add events of their own.
/// </summary>
/// <param name="options">The event cap.</param>
/// <param name="tracker">The connection's tracker, which takes each packet just before this does.</param>
/// <param name="serverPort">The server's port, a hint for recognising the application protocol.</param>
internal sealed class TcpEventBuilder(NormalizationOptions options, TcpTracker tracker, ushort serverPort) : FlowNormalizer(options)
{
    // Both sides are values in the builder itself: no allocation of their own.
    private TcpSideEvents _client;
    private TcpSideEvents _server;
    // Made on the first pure ACK worth keeping: a scan's one-SYN flows never need it.
    private PendingAck?[]? _pending;
    private AppStream? _app;
    private bool _appChecked;

    public override void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload)
    {
        ref readonly var verdict = ref tracker.Verdict;
        ref var sender = ref SideOf(direction);
        if (verdict.Acknowledges)
        {
            SideOf(Peer(direction)).Acknowledged(packet.Acknowledgment, packet);
        }

        if (verdict.Reset)
        {
            AddReset(packet, direction);
            return;
        }

        if (verdict.Syn == TcpNovelty.Repeated)
        {
            sender.SynEvent?.Repeat(packet);
        }
        else if (verdict.Syn == TcpNovelty.New)
        {
            AddSyn(packet, direction, ref sender);
        }

        AddAck(packet, direction, verdict.Ack);
        if (verdict.Data != TcpNovelty.None)
        {
            AddData(packet, direction, ref sender, verdict, payload);
        }

        if (verdict.Fin == TcpNovelty.Repeated)
        {
            sender.FinEvent?.Repeat(packet);
        }
        else if (verdict.Fin == TcpNovelty.New)
        {
            sender.FinEvent = Events.Add(EventKind.Fin, direction, packet);
            if (sender.FinEvent is { } fin)
            {
                fin.EndSequence = tracker.Side(direction).FinSequence + 1;
                sender.AwaitAck(fin);
            }
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
        return base.Finish();
    }

    /// <summary>
    /// When both sides close and their FINs follow each other, which FIN goes first is a race (who
    /// notices the end first): the two become one close in a fixed order, the client's FIN first, and
    /// the ACKs of those FINs are no events of their own (each FIN keeps the frame that acknowledged it).
    /// Frames stay those of the capture, so the rows show who really closed first.
    /// </summary>
    private void OrderClose()
    {
        if (_client.FinEvent is not { } clientFin || _server.FinEvent is not { } serverFin)
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

    /// <summary>A relative number other than 1, the only one a handshake may acknowledge; null when it is 1.</summary>
    private static SequenceMismatch? Mismatch(uint acknowledgment, uint initialSequence)
    {
        long relative = (uint)(acknowledgment - initialSequence);
        return relative == 1 ? null : new SequenceMismatch(TcpNumber.Acknowledgment, relative, 1);
    }

    private void AddReset(in PacketRecord packet, Direction direction)
    {
        if (Events.Last is { Kind: EventKind.Rst } last && last.Direction == direction)
        {
            last.Repeat(packet);
            return;
        }

        Events.Add(EventKind.Rst, direction, packet);
    }

    private void AddSyn(in PacketRecord packet, Direction direction, ref TcpSideEvents sender)
    {
        bool ack = (packet.Flags & TcpFlags.Ack) != 0;
        sender.SynEvent = Events.Add(ack ? EventKind.SynAck : EventKind.Syn, direction, packet);
        if (sender.SynEvent is not { } syn)
        {
            tracker.SynDropped(direction);
            return;
        }

        syn.EndSequence = packet.Sequence + 1;
        sender.AwaitAck(syn);
        if (ack && SideOf(Peer(direction)).SynEvent is not null)
        {
            syn.Mismatch = Mismatch(packet.Acknowledgment, tracker.Side(Peer(direction)).InitialSequence);
        }
    }

    private void AddAck(in PacketRecord packet, Direction direction, TcpAckRole role)
    {
        switch (role)
        {
            case TcpAckRole.Handshake:
                if (Events.Add(EventKind.Ack, direction, packet) is { } handshake)
                {
                    handshake.Acknowledges = AckMeaning.Handshake;
                    if (SideOf(Peer(direction)).SynEvent is not null)
                    {
                        handshake.Mismatch = Mismatch(packet.Acknowledgment, tracker.Side(Peer(direction)).InitialSequence);
                    }
                }

                break;
            case TcpAckRole.Carried:
                // Data, FIN or SYN carrying an ACK says everything an earlier pure ACK said.
                if (_pending is not null)
                {
                    _pending[(int)direction] = null;
                }

                break;
            case TcpAckRole.LastWordOnData or TcpAckRole.LastWordOnFin:
                (_pending ??= new PendingAck?[2])[(int)direction] = new PendingAck(Events.Count, direction, packet, role == TcpAckRole.LastWordOnFin);
                break;
        }
    }

    private void AddData(in PacketRecord packet, Direction direction, ref TcpSideEvents sender, in TcpVerdict verdict, ReadOnlySpan<byte> payload)
    {
        uint sequence = verdict.DataSequence;
        if (!_appChecked)
        {
            _appChecked = true;
            _app = AppStream.Open(direction, tracker.Side(direction), sequence, payload, serverPort);
        }

        if (verdict.Data == TcpNovelty.FillsGap)
        {
            if (sender.DataEvent is { } reordered)
            {
                reordered.Bytes += packet.PayloadLength;
                reordered.Touch(packet);
                reordered.WritePreview((int)(sequence - reordered.StartSequence), payload);
            }

            return;
        }

        if (verdict.Data == TcpNovelty.Repeated)
        {
            sender.DataEvent?.Repeat(packet);
            return;
        }

        if (Events.Last is { Kind: EventKind.Data } last && last.Direction == direction && ReferenceEquals(last, sender.DataEvent))
        {
            last.Touch(packet);
            last.Bytes += verdict.NewBytes;
            last.WritePreview((int)(sequence - last.StartSequence), payload);
            last.EndSequence = verdict.DataEnd;
            sender.AwaitAck(last);
        }
        else
        {
            // A new event starts where the stream stood: before this segment when it arrived ahead of
            // a gap (the gap's bytes land in front of it later), after its start when it overlaps old bytes.
            var draft = Events.Add(EventKind.Data, direction, packet);
            if (draft is not null)
            {
                draft.Bytes = verdict.NewBytes;
                draft.StartSequence = verdict.StreamPosition;
                draft.HidePreview = _app?.PayloadIsOpaque == true;
                draft.WritePreview((int)(sequence - draft.StartSequence), payload);
                draft.EndSequence = verdict.DataEnd;
                sender.AwaitAck(draft);
                if (verdict.DataOnSyn)
                {
                    // The first byte of data sits on the SYN's own sequence number: one too early.
                    draft.Mismatch = new SequenceMismatch(TcpNumber.Sequence, 0, 1);
                }
            }

            sender.DataEvent = draft;
        }

        _app?.Feed(Events, sender.DataEvent, packet, direction, tracker.Side(direction).StreamStartKnown, verdict.NewFrom, payload);
    }

    private static Direction Peer(Direction direction) =>
        direction == Direction.ClientToServer ? Direction.ServerToClient : Direction.ClientToServer;

    private ref TcpSideEvents SideOf(Direction direction) => ref direction == Direction.ClientToServer ? ref _client : ref _server;

    /// <summary>A pure ACK that may yet become an event; a value, so tracking it allocates nothing.</summary>
    private readonly record struct PendingAck(int Index, Direction Direction, PacketRecord Packet, bool OfFin);
}
