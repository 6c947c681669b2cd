using PcapDiff.Core.Model;
using static PcapDiff.Core.Normalization.Tcp.TcpSequence;

namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>
/// The events of one direction of a TCP connection that its later packets still change: its SYN,
/// the data being coalesced, its FIN, and those that wait for the peer's acknowledgment.
/// </summary>
internal struct TcpSideEvents
{
    // Made on first use, as most sides of most flows never need it.
    private Queue<EventDraft>? _awaitingAck;

    public EventDraft? SynEvent { get; set; }

    public EventDraft? DataEvent { get; set; }

    public EventDraft? FinEvent { get; set; }

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
}
