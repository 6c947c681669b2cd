using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Rendering;

/// <summary>How flows, endpoints and frames are named in every output format.</summary>
public static class FlowTitles
{
    /// <summary>The service a flow talks to: <c>TCP collector.test:8514</c>, <c>DNS collector.test</c>, <c>ICMP echo 192.0.2.1</c>.</summary>
    public static string Service(Flow flow)
    {
        string text = flow switch
        {
            { Application: "DNS", QueryName: { } name } => $"DNS {name}",
            { Protocol: Transport.Icmp or Transport.Icmpv6 } => $"ICMP echo {flow.ServerLabel}",
            _ => $"{Protocol(flow.Protocol)} {HostPort(flow.ServerLabel, flow.Server.Port)}",
        };
        return PayloadPreview.EscapeText(text);
    }

    /// <summary>Client and server endpoints as in the capture: <c>192.0.2.10:* → 192.0.2.1:8514</c>.</summary>
    public static string Endpoints(Flow flow)
    {
        if (flow.Client.Address.Version == 0)
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

    /// <summary>The event text with display-only annotations (repeats) appended.</summary>
    public static string EventWithAnnotations(FlowEvent? e) => e switch
    {
        null => string.Empty,
        { Repeats: > 0, Kind: EventKind.Syn or EventKind.SynAck } => $"{e.Text}  (sent {e.Repeats + 1}×)",
        { Repeats: > 0 } => $"{e.Text}  (+{e.Repeats} repeated)",
        _ => e.Text,
    };

    /// <summary>Protocol name in capitals.</summary>
    public static string Protocol(Transport protocol) => protocol switch
    {
        Transport.Icmpv6 => "ICMPv6",
        _ => protocol.ToString().ToUpperInvariant(),
    };

    /// <summary>Packets and bytes in both directions: <c>10 pkts, 700 B</c>.</summary>
    public static string Volume(Flow? flow) => flow is null || flow.ClientToServer.Packets + flow.ServerToClient.Packets == 0
        ? "—"
        : $"{flow.ClientToServer.Packets + flow.ServerToClient.Packets} pkts, {Bytes(flow.ClientToServer.FrameBytes + flow.ServerToClient.FrameBytes)}";

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
