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

    /// <summary>Every flow of the run.</summary>
    public IReadOnlyList<Flow> Flows => flows;

    /// <summary>The flows to a service (<see cref="FlowMatcher.ServiceKey"/>).</summary>
    public IEnumerable<Flow> ToService(string serviceKey) => _byService.Value[serviceKey];

    /// <summary>The DNS flows that asked for <paramref name="name"/>.</summary>
    public IEnumerable<Flow> Asking(string name) => _byQuery.Value[name];

    /// <summary>The flows other than DNS lookups to a transport's port.</summary>
    public IEnumerable<Flow> ToPort(Transport protocol, ushort port) => _byPort.Value[(protocol, port)];

    /// <summary>Whether the run has an ICMP or ICMPv6 echo flow to the host with this label.</summary>
    public bool Pinged(string serverLabel) => _pinged.Value.Contains(serverLabel);
}
