using System.Collections.Concurrent;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// One run's flows by what a sentence looks them up by (service, DNS name, transport and port, pinged
/// host), each index built once on first use: a sentence about one flow costs a lookup, not a pass
/// over every flow of the run, so a report on a scan or on two unrelated runs stays linear.
/// </summary>
internal sealed class RunIndex(IReadOnlyList<Flow> flows)
{
    // Lazy<T> builds each index once even when pairs are explained on several threads at a time.
    private readonly Lazy<ILookup<string, Flow>> _byService = new(() => flows.ToLookup(FlowMatcher.ServiceKey, StringComparer.Ordinal));
    private readonly Lazy<ILookup<string, Flow>> _byQuery = new(() =>
        flows.Where(f => f.QueryName is not null).ToLookup(f => f.QueryName!, StringComparer.Ordinal));
    private readonly Lazy<ILookup<(Transport, ushort), Flow>> _byPort = new(() =>
        flows.Where(f => f.QueryName is null).ToLookup(f => (f.Protocol, f.Server.Port)));
    private readonly Lazy<HashSet<string>> _pinged = new(() =>
        flows.Where(f => f.Protocol is Transport.Icmp or Transport.Icmpv6).Select(f => f.ServerLabel).ToHashSet(StringComparer.Ordinal));

    private readonly ConcurrentDictionary<string, Lazy<Dictionary<string, Occurrence>>> _eventsByService = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Asked>> _askedByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Transport, ushort), Lazy<IReadOnlyList<string>>> _hostsByPort = new();

    /// <summary>Every flow of the run.</summary>
    public IReadOnlyList<Flow> Flows => flows;

    /// <summary>The flows to a service (<see cref="FlowMatcher.ServiceKey"/>).</summary>
    public IEnumerable<Flow> ToService(string serviceKey) => _byService.Value[serviceKey];

    /// <summary>
    /// The first event with the text of <paramref name="e"/> in a flow to the service other than
    /// <paramref name="except"/>, in flow order then event order; null when there is none. The
    /// service's events are indexed by text once, on first use.
    /// </summary>
    public FlowEvent? FirstElsewhere(string serviceKey, Flow except, FlowEvent e)
    {
        var texts = _eventsByService.GetOrAdd(serviceKey, key => new Lazy<Dictionary<string, Occurrence>>(() => IndexEvents(key))).Value;
        if (!texts.TryGetValue(e.Text, out var found))
        {
            return null;
        }

        return ReferenceEquals(found.Flow, except) ? found.Elsewhere : found.First;
    }

    /// <summary>How many flows went to the service.</summary>
    public int CountToService(string serviceKey) => _byService.Value[serviceKey].Count();

    /// <summary>The servers asked for <paramref name="name"/>, each once, in the order first asked.</summary>
    public IReadOnlyList<IpAddress> ServersAsked(string name) => AskedFor(name).Servers;

    /// <summary>How many lookups of <paramref name="name"/> went to <paramref name="server"/>.</summary>
    public int Lookups(string name, IpAddress server) => AskedFor(name).Counts.GetValueOrDefault(server);

    /// <summary>
    /// The hosts (as <paramref name="host"/> words them) that flows other than DNS lookups reached on a
    /// transport's port, each once, in the order first reached.
    /// </summary>
    public IReadOnlyList<string> HostsOnPort(Transport protocol, ushort port, Func<Flow, string> host) =>
        _hostsByPort.GetOrAdd((protocol, port), key => new Lazy<IReadOnlyList<string>>(() =>
            [.. ToPort(key.Item1, key.Item2).Select(host).Distinct(StringComparer.Ordinal)])).Value;

    /// <summary>The DNS flows that asked for <paramref name="name"/>.</summary>
    public IEnumerable<Flow> Asking(string name) => _byQuery.Value[name];

    /// <summary>The flows other than DNS lookups to a transport's port.</summary>
    public IEnumerable<Flow> ToPort(Transport protocol, ushort port) => _byPort.Value[(protocol, port)];

    /// <summary>Whether the run has an ICMP or ICMPv6 echo flow to the host with this label.</summary>
    public bool Pinged(string serverLabel) => _pinged.Value.Contains(serverLabel);

    private Dictionary<string, Occurrence> IndexEvents(string serviceKey)
    {
        var texts = new Dictionary<string, Occurrence>(StringComparer.Ordinal);
        foreach (var flow in ToService(serviceKey))
        {
            foreach (var e in flow.Events)
            {
                if (!texts.TryGetValue(e.Text, out var found))
                {
                    texts[e.Text] = new Occurrence(e, flow, null);
                }
                else if (found.Elsewhere is null && !ReferenceEquals(found.Flow, flow))
                {
                    texts[e.Text] = found with { Elsewhere = e };
                }
            }
        }

        return texts;
    }

    /// <summary>An event text's first occurrence in a service's flows, and its first in any other flow.</summary>
    private readonly record struct Occurrence(FlowEvent First, Flow Flow, FlowEvent? Elsewhere);

    private Asked AskedFor(string name) =>
        _askedByName.GetOrAdd(name, key => new Lazy<Asked>(() =>
        {
            var servers = new List<IpAddress>();
            var counts = new Dictionary<IpAddress, int>();
            foreach (var flow in Asking(key))
            {
                var server = flow.Server.Address;
                if (!counts.TryGetValue(server, out int count))
                {
                    servers.Add(server);
                }

                counts[server] = count + 1;
            }

            return new Asked(servers, counts);
        })).Value;

    /// <summary>Who was asked for one DNS name, and how often each.</summary>
    private sealed record Asked(IReadOnlyList<IpAddress> Servers, Dictionary<IpAddress, int> Counts);
}
