using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering;

/// <summary>How flows, endpoints and frames are named in every output format.</summary>
public static class FlowTitles
{
    /// <summary>The service a flow talks to: <c>TCP collector.test:8514</c>, <c>DNS collector.test</c>, <c>ICMP echo 192.0.2.1</c>.</summary>
    public static string Service(Flow flow)
    {
        string text = flow switch
        {
            { IsDns: true, QueryName: { } name } => $"DNS {name}",
            { Protocol: Transport.Icmp or Transport.Icmpv6 } => $"ICMP echo {flow.ServerLabel}",
            _ => $"{Protocol(flow.Protocol)} {HostPort(flow.ServerLabel, flow.Server.Port)}",
        };
        return PayloadPreview.EscapeText(text);
    }

    /// <summary>
    /// The service of a pair, showing both runs' where they differ: <c>TCP collector.test:8514 ≠ :8515</c>,
    /// <c>DNS collector.test ≠ nosuch.test</c>, <c>TCP collector.test:8514 (IPv4 ≠ IPv6)</c>.
    /// </summary>
    public static string Service(FlowPairDiff pair)
    {
        if (pair.Left is not { } left || pair.Right is not { } right || !pair.Identity.Differs)
        {
            return Service(pair.Any);
        }

        var identity = pair.Identity;
        string text = Service(left);
        if (identity.QueryDiffers)
        {
            return $"{text} ≠ {PayloadPreview.EscapeText(right.QueryName!)}";
        }

        if (identity.NameDiffers || (identity.PortDiffers && left.ServerLabel != right.ServerLabel))
        {
            return $"{text} ≠ {PayloadPreview.EscapeText(HostPort(right.ServerLabel, right.Server.Port))}";
        }

        if (identity.PortDiffers)
        {
            text = $"{text} ≠ :{right.Server.Port}";
        }

        if (identity.FamilyDiffers)
        {
            return $"{text} (IPv{left.Server.Address.Version} ≠ IPv{right.Server.Address.Version})";
        }

        return identity.AddressDiffers && left.ServerName is not null ? $"{text} ({left.Server.Address} ≠ {right.Server.Address})" : text;
    }

    /// <summary>Client and server endpoints as in the capture: <c>192.0.2.10:* → 192.0.2.1:8514</c>.</summary>
    public static string Endpoints(Flow flow)
    {
        if (!flow.Client.Address.IsKnown)
        {
            // A flow from a .flows expectation: it names the server only.
            return $"expected flow to {Service(flow)}";
        }

        if (flow.Protocol is Transport.Icmp or Transport.Icmpv6)
        {
            return $"{flow.Client.Address} → {flow.Server.Address} (id {flow.Client.Port})";
        }

        string clientPort = flow.ClientPortIsEphemeral ? "*" : flow.Client.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{HostPort(flow.Client.Address.ToString(), clientPort)} → {HostPort(flow.Server.Address.ToString(), flow.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
    }

    /// <summary>The frames of an event: <c>5</c> or <c>5-9</c>.</summary>
    public static string Frames(FlowEvent? e) => e is null
        ? string.Empty
        : e.LastFrame > e.FirstFrame ? $"{e.FirstFrame}-{e.LastFrame}" : $"{e.FirstFrame}";

    /// <summary>The event text with display-only annotations (repeats) appended: <c>C→S SYN  (sent 3 times)</c>.</summary>
    public static string EventWithAnnotations(FlowEvent? e) => e is null
        ? string.Empty
        : e.RepeatsNote is { } repeats ? $"{e.Text}  ({repeats})" : e.Text;

    /// <summary>Where a divergence is in both captures: <c>at good #5 / bad #5</c>; a run without a frame is left out.</summary>
    public static string At(string leftLabel, long? leftFrame, string rightLabel, long? rightFrame)
    {
        var places = new List<string>(2);
        if (leftFrame is { } l)
        {
            places.Add($"{leftLabel} #{l.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (rightFrame is { } r)
        {
            places.Add($"{rightLabel} #{r.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return places.Count == 0 ? string.Empty : "at " + string.Join(" / ", places);
    }

    /// <summary>Protocol name in capitals.</summary>
    public static string Protocol(Transport protocol) => protocol switch
    {
        Transport.Icmpv6 => "ICMPv6",
        _ => protocol.ToString().ToUpperInvariant(),
    };

    /// <summary>Packets and bytes in both directions: <c>10 pkts, 700 B</c>, <c>1 pkt, 60 B</c>.</summary>
    public static string Volume(Flow? flow)
    {
        long packets = flow is null ? 0 : flow.ClientToServer.Packets + flow.ServerToClient.Packets;
        return flow is null || packets == 0
            ? "—"
            : $"{packets} pkt{(packets == 1 ? string.Empty : "s")}, {Bytes(flow.ClientToServer.FrameBytes + flow.ServerToClient.FrameBytes)}";
    }

    /// <summary>Zeek's conn_state and history of a flow, <c>SF ShADadfF</c>; a dash when unknown or absent.</summary>
    public static string Zeek(Flow? flow) => flow?.ZeekState is { } state ? $"{state} {flow.ZeekHistory}".TrimEnd() : "—";

    /// <summary>A byte count for humans: <c>700 B</c>, <c>12.3 KB</c>, <c>4.5 MB</c>.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 10_000 => $"{bytes} B",
        < 10_000_000 => $"{bytes / 1000.0:0.#} KB",
        < 10_000_000_000 => $"{bytes / 1_000_000.0:0.#} MB",
        _ => $"{bytes / 1_000_000_000.0:0.#} GB",
    };

    private static string HostPort(string host, object port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}
