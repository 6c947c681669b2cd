using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>An ICMP error says a packet of the flow could not be delivered.</summary>
internal sealed class IcmpUnreachableRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["icmp-unreachable"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var error = flow.Events.FirstOrDefault(e => e.Detail is IcmpErrorDetail);
        if (error?.Detail is not IcmpErrorDetail { Name: var name } icmp)
        {
            return null;
        }

        string cause = name switch
        {
            "port-unreachable" => $"nothing listens on {flow.Protocol.ToString().ToUpperInvariant()} port {flow.Server.Port} of {flow.ServerLabel}",
            "admin-prohibited" => "a firewall rejects the traffic",
            "host-unreachable" or "net-unreachable" => "there is no route to the server, or it does not answer ARP/neighbour discovery",
            "fragmentation-needed" => "a packet was too big for a link on the path (check the MTU)",
            "ttl-exceeded" => "the packet looped or the path is longer than its TTL",
            _ => "the network could not deliver the packet",
        };
        return Hint.From(
            "icmp-unreachable",
            icmp.From is { } from ? $"ICMP {name} (sent by {from})" : $"ICMP {name}",
            $"An ICMP error came back for this flow: {cause}.",
            error);
    }
}
