using PcapDiff.Core.Model;

namespace PcapDiff.Core.Flows;

/// <summary>The flows of one capture, and what could not be put into a flow.</summary>
/// <param name="Flows">The flows, in order of their first packet.</param>
/// <param name="IpPackets">IP packets seen.</param>
/// <param name="Fragments">Non-first IP fragments (no transport header of their own): counted only.</param>
/// <param name="OtherPackets">IP packets of other protocols, link plumbing (NDP, MLD) and unattached ICMP: counted only.</param>
/// <param name="FlowsCapped">True when the flow cap was hit and later flows were counted, not tracked.</param>
public sealed record CaptureFlows(
    IReadOnlyList<Flow> Flows,
    long IpPackets,
    long Fragments,
    long OtherPackets,
    bool FlowsCapped)
{
    /// <summary>
    /// IP packets counted in no flow's counters (ICMP errors, link plumbing, fragments, other
    /// protocols, flows past the cap), by host: so a host's totals cover every IP packet it sent or
    /// received, as Wireshark's Endpoints count them.
    /// </summary>
    internal IReadOnlyDictionary<IpAddress, HostTraffic> OtherTraffic { get; init; } = new Dictionary<IpAddress, HostTraffic>();
}

/// <summary>Packets and frame bytes a host sent (tx) and received (rx).</summary>
internal readonly record struct HostTraffic(long TxPackets, long TxBytes, long RxPackets, long RxBytes);
