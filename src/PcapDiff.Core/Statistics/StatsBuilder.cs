using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Statistics;

/// <summary>
/// Counts conversations and endpoints from a capture's flows. Hosts count every IP packet, as
/// Wireshark's Endpoints do: the packets of the flows (TCP, UDP, ICMP echo) and those of no flow
/// (ICMP errors, link plumbing, fragments, other protocols); TCP and UDP endpoints count their
/// flows' packets. Bytes are frame bytes on the wire, as Wireshark counts them.
/// </summary>
public static class StatsBuilder
{
    /// <summary>Builds the statistics of one capture.</summary>
    /// <param name="name">The capture's file name.</param>
    /// <param name="flows">Its flows.</param>
    /// <param name="captureStart">Time of its first frame; relative start times count from it (default: the first flow's start).</param>
    public static CaptureStats Build(string name, CaptureFlows flows, DateTime? captureStart = null)
    {
        var counted = flows.Flows.Where(f => f.ClientToServer.Packets + f.ServerToClient.Packets > 0).ToList();
        DateTime origin = captureStart ?? (counted.Count == 0 ? DateTime.MinValue : counted.Min(f => f.Start));
        var conversations = counted
            .Select(f => new ConversationStats(f, f.Start - origin, f.End - f.Start))
            .OrderByDescending(c => c.Bytes)
            .ThenBy(c => c.Flow.Index)
            .ToList();

        var hosts = new Dictionary<IpAddress, Tally>();
        var ports = new Dictionary<(Transport, Endpoint), Tally>();
        foreach (var flow in counted)
        {
            var toServer = Traffic(flow.ClientToServer, flow.ServerToClient);
            var toClient = Traffic(flow.ServerToClient, flow.ClientToServer);
            Add(hosts, flow.Client.Address, toServer);
            Add(hosts, flow.Server.Address, toClient);
            if (flow.Protocol is Transport.Tcp or Transport.Udp)
            {
                Add(ports, (flow.Protocol, flow.Client), toServer);
                Add(ports, (flow.Protocol, flow.Server), toClient);
            }
        }

        foreach (var (address, other) in flows.OtherTraffic)
        {
            Add(hosts, address, other);
        }

        return new CaptureStats(
            name,
            conversations,
            [.. hosts.Select(h => h.Value.ToStats(null, h.Key, null)).OrderByDescending(e => e.Bytes).ThenBy(e => e.Address)],
            [.. ports.Select(p => p.Value.ToStats(p.Key.Item1, p.Key.Item2.Address, p.Key.Item2.Port)).OrderByDescending(e => e.Bytes).ThenBy(e => e.Address).ThenBy(e => e.Port)]);
    }

    /// <summary>What one end of a flow sent and received.</summary>
    private static HostTraffic Traffic(FlowCounters sent, FlowCounters received) =>
        new(sent.Packets, sent.FrameBytes, received.Packets, received.FrameBytes);

    private static void Add<TKey>(Dictionary<TKey, Tally> tallies, TKey key, HostTraffic traffic)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies[key] = tally;
        }

        tally.TxPackets += traffic.TxPackets;
        tally.TxBytes += traffic.TxBytes;
        tally.RxPackets += traffic.RxPackets;
        tally.RxBytes += traffic.RxBytes;
    }

    private sealed class Tally
    {
        public long TxPackets { get; set; }

        public long TxBytes { get; set; }

        public long RxPackets { get; set; }

        public long RxBytes { get; set; }

        public EndpointStats ToStats(Transport? protocol, IpAddress address, ushort? port) =>
            new(protocol, address, port, TxPackets, TxBytes, RxPackets, RxBytes);
    }
}
