using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>UDP datagrams (not DNS) that got no reply at all, and no ICMP error either.</summary>
internal sealed class UdpUnansweredRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["udp-unanswered"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        if (flow.Protocol != Transport.Udp || flow.IsDns || flow.Events.Count == 0
            || flow.Events.Any(e => e.Direction == Direction.ServerToClient))
        {
            return null;
        }

        var sent = flow.Events.Where(e => e.Kind == EventKind.Datagram).ToList();
        long datagrams = sent.Sum(e => (long)e.Packets);
        if (datagrams == 0)
        {
            return null;
        }

        return Hint.From(
            "udp-unanswered",
            $"No reply to the client's {(datagrams == 1 ? "datagram" : Normalization.EventText.Count(datagrams, "datagram"))} to {flow.ServerLabel} port {flow.Server.Port}, and no ICMP error",
            "UDP says nothing when a datagram is lost: no reply and no ICMP port-unreachable usually means a firewall that drops "
            + "(rather than rejects) on the way or on the server, a server that received the datagram and ignored it (a wrong format, "
            + "a wrong shared secret or a source it does not serve), or a wrong address. A capture on the server's side shows whether the datagram arrived.",
            sent.Take(3));
    }
}
