using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>
/// The server's TCP acknowledged the client's data, but its application never answered: the client
/// gave up and closed (or the capture ended) a while later, or the server closed without a word.
/// </summary>
internal sealed class ServerSilentAfterDataRule : IHintRule
{
    /// <summary>A client that closes sooner than this after the ACK did not wait for an answer: no hint.</summary>
    public static readonly TimeSpan MinWait = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["server-silent-after-data"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var events = flow.Events;
        int last = -1;
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] is { Kind: EventKind.Data, Direction: Direction.ClientToServer })
            {
                last = i;
            }
        }

        if (last < 0 || events[last] is not { AcknowledgedFrame: { } ackFrame, AcknowledgedAt: { } ackedAt } data
            || events.Skip(last + 1).Any(e => e.Direction == Direction.ServerToClient && e.Kind is EventKind.Data or EventKind.Rst)
            || AsksNoAnswer(events, last))
        {
            return null;
        }

        var close = events.Skip(last + 1).Where(EventPhrases.IsClose).MinBy(e => e.FirstFrame);
        var end = close?.Timestamp ?? flow.End;
        bool serverClosed = close is { Direction: Direction.ServerToClient };
        if (!serverClosed && end - ackedAt < MinWait)
        {
            return null;
        }

        string waited = EventPhrases.Duration(end - ackedAt);
        string ending = close is null
            ? $"nothing more came in the {waited} until the capture ended"
            : serverClosed
                ? $"the server closed the connection {waited} later without answering"
                : $"the client gave up and {EventPhrases.Closing(close)} {waited} later";
        var evidence = new List<string>
        {
            $"#{data.FirstFrame} {data.Text}",
            $"#{ackFrame} {Normalization.EventText.Arrow(Direction.ServerToClient)} ACK of the client's {EventPhrases.Bytes(data.Bytes)}",
        };
        var frames = new List<long> { data.FirstFrame, ackFrame };
        if (close is not null)
        {
            evidence.Add($"#{close.FirstFrame} {close.Text}");
            frames.Add(close.FirstFrame);
        }

        return new Hint(
            "server-silent-after-data",
            "The server acknowledged the client's data but never answered",
            $"The client's {EventPhrases.Bytes(data.Bytes)} reached the server's TCP (it acknowledged them), but the application never answered: {ending}. "
            + "The network is fine up to the server's socket. The server application did not read the request, is waiting for more "
            + "(a missing newline or length, the wrong framing), is stuck, or discards what it got. Compare the request bytes with a working run and look at the server's log.",
            frames)
        {
            Evidence = evidence,
        };
    }
    /// <summary>
    /// Whether every protocol message decoded in the data at <paramref name="index"/> is one that no server answers:
    /// an MQTT DISCONNECT, the client's own acknowledgments, a QoS 0 PUBLISH. Bytes nothing decoded may expect an answer.
    /// </summary>
    private static bool AsksNoAnswer(IReadOnlyList<FlowEvent> events, int index)
    {
        int carried = events[index].CarriedMessages;
        if (carried == 0 || index < carried)
        {
            return false;
        }

        for (int i = index - carried; i < index; i++)
        {
            bool silent = events[i].Detail switch
            {
                MqttPublishDetail publish => publish.Qos == 0,
                MqttDetail mqtt => mqtt.Type is MqttPacketType.Disconnect or MqttPacketType.Puback or MqttPacketType.Pubcomp,
                _ => false,
            };
            if (!silent)
            {
                return false;
            }
        }

        return true;
    }
}
