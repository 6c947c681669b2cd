using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>The events of one flow while they are built, with the per-flow cap applied.</summary>
internal sealed class EventSequence(int maxEvents)
{
    private readonly List<EventDraft> _events = [];
    private int _messages;

    public int Count => _events.Count;

    public bool Capped { get; private set; }

    /// <summary>True when the cap is reached (application messages count too).</summary>
    private bool Full => _events.Count + _messages >= maxEvents;

    public EventDraft? Last => _events.Count == 0 ? null : _events[^1];

    /// <summary>Starts a new event; null (and the flow marked capped) when the cap is reached.</summary>
    public EventDraft? Add(EventKind kind, Direction direction, in PacketRecord packet)
    {
        if (Full)
        {
            Capped = true;
            return null;
        }

        var draft = new EventDraft(kind, direction, packet);
        _events.Add(draft);
        return draft;
    }

    /// <summary>The position of an event, or -1.</summary>
    public int IndexOf(EventDraft draft) => _events.IndexOf(draft);

    /// <summary>Exchanges the events at two positions (events whose order on the wire is a race).</summary>
    public void Swap(int first, int second) => (_events[first], _events[second]) = (_events[second], _events[first]);

    /// <summary>Inserts an event at an earlier position (a pure ACK whose meaning became clear later).</summary>
    public void Insert(int index, EventDraft draft)
    {
        if (Full)
        {
            Capped = true;
            return;
        }

        _events.Insert(Math.Min(index, _events.Count), draft);
    }

    /// <summary>
    /// Puts the events into the order <paramref name="order"/> gives (a stable sort: events it finds
    /// equal keep their order), for events whose order on the wire is a race, such as independent DNS
    /// transactions on one socket.
    /// </summary>
    public void Reorder(Comparison<EventDraft> order)
    {
        var ordered = _events.Select((e, i) => (Event: e, Position: i)).ToList();
        ordered.Sort((a, b) => order(a.Event, b.Event) is var c and not 0 ? c : a.Position.CompareTo(b.Position));
        _events.Clear();
        _events.AddRange(ordered.Select(x => x.Event));
    }

    /// <summary>Adds an application message found in the bytes of <paramref name="data"/>, to come just before it.</summary>
    public void AddMessage(EventDraft data, EventKind kind, in PacketRecord packet, EventDetail detail)
    {
        if (Full)
        {
            Capped = true;
            return;
        }

        _messages++;
        data.AddMessage(new EventDraft(kind, data.Direction, packet) { Detail = detail });
    }

    /// <summary>The events, each protocol message just before the data that carried it; an array, with nothing spare.</summary>
    public IReadOnlyList<FlowEvent> ToEvents()
    {
        if (_events.Count == 0)
        {
            return [];
        }

        var events = new FlowEvent[_events.Count + _messages];
        int at = 0;
        foreach (var draft in _events)
        {
            if (draft.Messages is { } messages)
            {
                foreach (var message in messages)
                {
                    events[at++] = message.ToEvent();
                }
            }

            events[at++] = draft.ToEvent();
        }

        return at == events.Length ? events : events[..at];
    }
}
