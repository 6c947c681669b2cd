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
    /// Puts each run of consecutive same-direction events that <paramref name="unordered"/> accepts
    /// into a fixed order (by kind and detail), for messages whose order on the wire is a race,
    /// such as the answers to an A and an AAAA query sent together.
    /// </summary>
    public void OrderRuns(Func<EventDraft, bool> unordered)
    {
        int start = 0;
        while (start < _events.Count)
        {
            int end = start;
            while (end < _events.Count && unordered(_events[end]) && _events[end].Direction == _events[start].Direction)
            {
                end++;
            }

            if (end - start > 1)
            {
                var run = _events.GetRange(start, end - start)
                    .OrderBy(e => e.Kind)
                    .ThenBy(e => e.ToEvent().Text, StringComparer.Ordinal)
                    .ToList();
                for (int i = 0; i < run.Count; i++)
                {
                    _events[start + i] = run[i];
                }
            }

            start = Math.Max(end, start + 1);
        }
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

    public IReadOnlyList<FlowEvent> ToEvents()
    {
        var events = new List<FlowEvent>(_events.Count + _messages);
        foreach (var draft in _events)
        {
            if (draft.Messages is { } messages)
            {
                events.AddRange(messages.Select(m => m.ToEvent()));
            }

            events.Add(draft.ToEvent());
        }

        return events;
    }
}
