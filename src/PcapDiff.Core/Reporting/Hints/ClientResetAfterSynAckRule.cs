using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The client answers the server's SYN-ACK with RST: its OS never opened the connection.</summary>
internal sealed class ClientResetAfterSynAckRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["client-rst-after-syn-ack"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var events = flow.Events;
        for (int i = 0; i + 1 < events.Count; i++)
        {
            if (events[i] is { Kind: EventKind.SynAck, Direction: Direction.ServerToClient }
                && events[i + 1] is { Kind: EventKind.Rst, Direction: Direction.ClientToServer })
            {
                return Hint.From(
                    "client-rst-after-syn-ack",
                    "The client reset the connection right after the server's SYN-ACK",
                    "The client's operating system answered the SYN-ACK with RST because it never opened this connection. "
                    + "This is what a raw-socket client (Scapy, a hand-made SYN) gets: the kernel sees a SYN-ACK for a connection it does not know and resets it. "
                    + "Drop those RSTs (e.g. iptables -A OUTPUT -p tcp --tcp-flags RST RST -j DROP for that port) or use an ordinary socket.",
                    events[i], events[i + 1]);
            }
        }

        return null;
    }
}
