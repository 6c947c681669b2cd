using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>Data sent again and again and never acknowledged, while the handshake got through.</summary>
internal sealed class DataUnacknowledgedRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["data-never-acknowledged"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        foreach (var (direction, unacknowledged) in new[]
        {
            (Direction.ClientToServer, flow.ClientBytesUnacknowledged),
            (Direction.ServerToClient, flow.ServerBytesUnacknowledged),
        })
        {
            var resent = flow.Events.LastOrDefault(e => e.Kind == EventKind.Data && e.Direction == direction && e.Repeats > 0);
            if (unacknowledged > 0 && resent is not null)
            {
                string sender = direction == Direction.ClientToServer ? "client" : "server";
                return Hint.From(
                    "data-never-acknowledged",
                    $"The {sender}'s {unacknowledged} bytes were never acknowledged (sent {resent.Repeats + 1} times)",
                    "The handshake got through but the data did not: something on the path drops segments that carry payload. "
                    + "Usually a firewall or IPS rule that inspects payload, a path-MTU black hole (big segments dropped while the ICMP "
                    + "\"fragmentation needed\" that would say so is filtered: try a smaller MSS), or a peer that is stalled. "
                    + "A capture on the other side shows where the segments stop.",
                    resent);
            }
        }

        return null;
    }
}
