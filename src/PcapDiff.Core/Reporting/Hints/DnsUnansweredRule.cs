using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>DNS queries that got no answer at all: the resolver is down, unreachable, or dropped them.</summary>
internal sealed class DnsUnansweredRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["dns-unanswered"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var queries = flow.Events.Where(e => e.Detail is DnsDetail { IsResponse: false }).ToList();
        if (queries.Count == 0 || flow.Events.Any(e => e.Direction == Direction.ServerToClient))
        {
            // An ICMP error about the query is icmp-unreachable's story.
            return null;
        }

        int sent = queries.Sum(q => q.Repeats + 1);
        string names = string.Join(", ", queries.Select(q => ((DnsDetail)q.Detail!).QueryName).Distinct());
        return Hint.From(
            "dns-unanswered",
            $"The resolver {(flow.Server.Address.IsKnown ? $"{flow.Server.Address} " : string.Empty)}never answered ({Normalization.EventText.Count(sent, "query", "queries")} for {names})",
            "No response and no ICMP error came back: the resolver is down or does not listen on this address, a firewall drops DNS "
            + "(UDP port 53) on the way, or the address in resolv.conf (or the DHCP-provided resolver) is wrong. A client with a second "
            + "resolver moves on to it after its timeout, which costs seconds on every lookup.",
            queries);
    }
}
