using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using static PcapDiff.Core.Reporting.EventPhrases;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// "Did my data reach the server?" for a TCP divergence: whether the server's TCP acknowledged the
/// client's data (with the frame of that ACK, which is often no event of its own), whether an answer
/// came, and who closed first and how long after. Said when the answer is not simply "yes, and it
/// answered": when the data was never acknowledged, or acknowledged and left unanswered where the
/// other run got an answer.
/// </summary>
internal static class DeliveryFacts
{
    /// <summary>What the divergence at row <paramref name="at"/> says about delivery, or null when there is nothing to add.</summary>
    /// <param name="cited">Events the sentence before already cited with their frames.</param>
    public static string? Of(IReadOnlyList<AlignedRow> rows, int at, Flow left, Flow right, ComparisonContext context, IReadOnlySet<FlowEvent> cited)
    {
        if (right.Protocol != Transport.Tcp || right.Events.Count == 0 || !right.Events[0].HasTime
            || Data(rows, at, right) is not { } data)
        {
            return null;
        }

        int index = IndexOf(right.Events, data);
        bool answered = right.Events.Skip(index + 1).Any(e => e is { Kind: EventKind.Data, Direction: Direction.ServerToClient });
        if (data.AcknowledgedFrame is { } ackFrame && (answered || !AnsweredIn(rows, data, left)))
        {
            return null;
        }

        string what = What(data, right);
        var since = data.AcknowledgedAt ?? data.Timestamp;
        var close = right.Events.Where(e => IsClose(e) && e.FirstFrame > data.LastFrame).MinBy(e => e.FirstFrame);
        string then = close is null
            ? "the connection was still open when the capture ended"
            : $"{(close.Direction == Direction.ServerToClient ? "it" : "the client")} {Closing(close)} {Duration(close.Timestamp - since)} later ({Frame(close.FirstFrame)})";
        string fact = data.AcknowledgedFrame is { } frame
            ? $"The server acknowledged {what} ({Frame(frame)}) but never answered"
            : cited.Contains(data) || cited.Contains(DivergenceExplainer.Decoded(data, right))
                ? $"The server never acknowledged {what}"
                : $"The server never acknowledged {what} ({Where(data)})";
        return $"{fact}; {then}";
    }

    /// <summary>The client's data the question is about: its last data up to the divergence, else its first data after it.</summary>
    private static FlowEvent? Data(IReadOnlyList<AlignedRow> rows, int at, Flow right)
    {
        FlowEvent? last = null;
        for (int i = 0; i <= at && i < rows.Count; i++)
        {
            if (rows[i].Right is { Kind: EventKind.Data, Direction: Direction.ClientToServer } e)
            {
                last = e;
            }
        }

        return last ?? rows.Skip(at).Select(r => r.Right).FirstOrDefault(e => e is { Kind: EventKind.Data, Direction: Direction.ClientToServer });
    }

    /// <summary>Whether the left run's copy of the data (the row that pairs them) was followed by an answer from its server.</summary>
    private static bool AnsweredIn(IReadOnlyList<AlignedRow> rows, FlowEvent data, Flow left)
    {
        var row = rows.FirstOrDefault(r => r.Op == AlignmentOp.Equal && ReferenceEquals(r.Right, data));
        if (row?.Left is not { } copy)
        {
            return false;
        }

        int index = IndexOf(left.Events, copy);
        return left.Events.Skip(index + 1).Any(e => e is { Kind: EventKind.Data, Direction: Direction.ServerToClient });
    }

    /// <summary>"the client's 5 bytes", or "the client's MQTT PUBLISH pcd/test 5B qos1 (19 bytes)" when the data held a protocol message.</summary>
    private static string What(FlowEvent data, Flow flow)
    {
        var message = DivergenceExplainer.Decoded(data, flow);
        return ReferenceEquals(message, data)
            ? $"the client's {Bytes(data.Bytes)}"
            : $"the client's {Noun(message)} ({Bytes(data.Bytes)})";
    }

    private static int IndexOf(IReadOnlyList<FlowEvent> events, FlowEvent e)
    {
        for (int i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], e))
            {
                return i;
            }
        }

        return -1;
    }
}
