using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The client's SYN gets no answer at all.</summary>
internal sealed class SynUnansweredRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["syn-unanswered"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var events = flow.Events;
        if (events.Count == 0 || events[0] is not { Kind: EventKind.Syn, Direction: Direction.ClientToServer })
        {
            return null;
        }

        if (events.Any(e => e.Direction == Direction.ServerToClient))
        {
            // An answer, or an ICMP error about the SYN (the icmp-unreachable hint tells that story).
            return null;
        }

        int attempts = events.Where(e => e.Kind == EventKind.Syn).Sum(e => e.Repeats + 1);
        return Hint.From(
            "syn-unanswered",
            $"The server never answered the SYN (sent {attempts} time{(attempts == 1 ? string.Empty : "s")})",
            "The SYN was dropped on the way or by the server: a firewall that drops rather than rejects, a wrong address or route, or a host that is down. "
            + "Check the address, the route and the firewall rules in front of the server.",
            events[0]);
    }
}
