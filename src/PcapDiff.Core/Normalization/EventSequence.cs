using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>The events of one flow while they are built, with the per-flow cap applied.</summary>
internal sealed class EventSequence(int maxEvents)
{
    private readonly List<EventDraft> _events = [];

    public int Count => _events.Count;

    public bool Capped { get; private set; }

    public EventDraft? Last => _events.Count == 0 ? null : _events[^1];

    /// <summary>Starts a new event; null (and the flow marked capped) when the cap is reached.</summary>
    public EventDraft? Add(EventKind kind, Direction direction, in PacketRecord packet)
    {
        if (_events.Count >= maxEvents)
        {
            Capped = true;
            return null;
        }

        var draft = new EventDraft(kind, direction, packet);
        _events.Add(draft);
        return draft;
    }

    /// <summary>Inserts an event at an earlier position (a pure ACK whose meaning became clear later).</summary>
    public void Insert(int index, EventDraft draft)
    {
        if (_events.Count >= maxEvents)
        {
            Capped = true;
            return;
        }

        _events.Insert(Math.Min(index, _events.Count), draft);
    }

    public IReadOnlyList<FlowEvent> ToEvents() => _events.ConvertAll(e => e.ToEvent());
}
