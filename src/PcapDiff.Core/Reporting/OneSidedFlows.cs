using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using static PcapDiff.Core.Reporting.EventPhrases;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// The sentence for a flow only one run has. It says what the other run did instead, looking at all
/// of that run's flows: "never" only when the other run has no flow to that service (no lookup of that
/// name, no connection to that port) at all. The server is named with its address.
/// </summary>
internal static class OneSidedFlows
{
    public static Divergence Explain(Flow? left, Flow? right, ComparisonContext context)
    {
        var flow = (left ?? right)!;
        var (label, own, otherLabel, others) = context.Sides(left is not null);
        string where = Frame(flow.FirstFrame, label);
        string text = flow switch
        {
            { QueryName: { } name } => Dns(flow, name, where, label, own, otherLabel, others),
            { Protocol: Transport.Tcp or Transport.Udp } => Service(flow, where, label, own, otherLabel, others),
            _ => Ping(flow, where, label, otherLabel, others),
        };
        return new Divergence(0, text + ".", left?.FirstFrame, right?.FirstFrame);
    }

    private static string Dns(Flow flow, string name, string where, string label, RunIndex own, string otherLabel, RunIndex others)
    {
        string outcome = Outcome(flow);
        var servers = others.ServersAsked(name);
        if (servers.Count == 0)
        {
            string resolver = flow.Server.Address.IsKnown ? $"{flow.Server.Address}, " : string.Empty;
            return $"Only the {label} run asked DNS for {name} ({resolver}{where}, {outcome}); the {otherLabel} run never asked for it";
        }

        if (others.Lookups(name, flow.Server.Address) == 0)
        {
            return $"Only the {label} run asked {flow.Server.Address} for {name} ({where}, {outcome}); the {otherLabel} run asked only {List(servers.Select(s => s.ToString()))} for it";
        }

        var server = flow.Server.Address;
        return $"The {label} run asked {server} for {name} once more ({where}, {outcome}): {Count(own.Lookups(name, server), "lookup")} against {Count(others.Lookups(name, server), "lookup")} in the {otherLabel} run";
    }

    private static string Service(Flow flow, string where, string label, RunIndex own, string otherLabel, RunIndex others)
    {
        bool tcp = flow.Protocol == Transport.Tcp;
        string verb = tcp ? "connected to" : "sent UDP to";
        string service = DivergenceExplainer.Server(flow);
        string key = FlowMatcher.ServiceKey(flow);
        int same = others.CountToService(key);
        if (same > 0)
        {
            string noun = tcp ? "connection" : "exchange";
            return $"The {label} run {verb} {service} once more ({where}): {Count(own.CountToService(key), noun)} there against {Count(same, noun)} in the {otherLabel} run";
        }

        var hosts = others.HostsOnPort(flow.Protocol, flow.Server.Port, Host);
        if (hosts.Count > 0)
        {
            return $"Only the {label} run {verb} {service} ({where}); the {otherLabel} run {verb} port {flow.Server.Port} only at {List(hosts)}";
        }

        return $"Only the {label} run {verb} {service} ({where}); the {otherLabel} run never {verb} port {flow.Server.Port}";
    }

    private static string Ping(Flow flow, string where, string label, string otherLabel, RunIndex others)
    {
        bool pinged = others.Pinged(flow.ServerLabel);
        return pinged
            ? $"The {label} run pinged {DivergenceExplainer.Server(flow)} in one more echo flow ({where}) than the {otherLabel} run"
            : $"Only the {label} run pinged {DivergenceExplainer.Server(flow)} ({where}); the {otherLabel} run never pinged it";
    }

    /// <summary>How a lookup ended: "no answer", "answered NXDOMAIN", "answered".</summary>
    private static string Outcome(Flow flow)
    {
        var responses = flow.Events.Select(e => e.Detail).OfType<DnsDetail>().Where(d => d.IsResponse).ToList();
        if (responses.Count == 0)
        {
            return "no answer";
        }

        var failed = responses.FirstOrDefault(d => d.ResponseCode != 0);
        return failed is null ? "answered" : $"answered {Normalization.DnsMessage.ResponseCodeName(failed.ResponseCode!.Value)}";
    }

    private static string Host(Flow flow) => flow.ServerName is { } name
        ? flow.Server.Address.IsKnown ? $"{name} ({flow.Server.Address})" : name
        : flow.Server.Address.ToString();

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>The most names a sentence lists; the rest are counted, so a sentence stays a sentence on a scan.</summary>
    private const int MaxListed = 5;

    private static string List(IEnumerable<string> items)
    {
        var list = items.Take(MaxListed + 2).ToList();
        int total = list.Count <= MaxListed ? list.Count : items.Count();
        if (total > MaxListed)
        {
            return $"{string.Join(", ", list[..MaxListed])} and {total - MaxListed} others";
        }

        return list.Count switch
        {
            1 => list[0],
            2 => $"{list[0]} and {list[1]}",
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }
}
