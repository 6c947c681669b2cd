using System.Text.Json;
using System.Text.Json.Serialization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Statistics;
using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering.Json;

/// <summary>
/// Statistics as JSON for scripts, with output types of their own (never serialized internals)
/// and a schema version that changes when a field changes meaning. It writes a
/// <see cref="StatsView"/>'s captures and pairs whole: a script reads every row, so --top does not apply.
/// </summary>
public static class StatsJson
{
    /// <summary>Version of the statistics document.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes one capture's statistics, or two captures' and their paired conversations.</summary>
    public static void Write(StatsView view, TextWriter output)
    {
        if (view.Comparison is not { } comparison)
        {
            output.WriteLine(JsonSerializer.Serialize(new StatsDocument(SchemaVersion, [Capture(view.Captures[0])], null), Options));
            return;
        }

        var left = ReferenceIndex.Of(comparison.Left.Conversations.Select(c => c.Flow));
        var right = ReferenceIndex.Of(comparison.Right.Conversations.Select(c => c.Flow));
        var pairs = comparison.Pairs.Select(p => new PairDto(
            FlowTitles.Service((p.Left ?? p.Right)!.Flow),
            p.Left is null ? null : left[p.Left.Flow],
            p.Right is null ? null : right[p.Right.Flow],
            p.PacketsDelta,
            p.BytesDelta)).ToList();
        output.WriteLine(JsonSerializer.Serialize(new StatsDocument(SchemaVersion, [Capture(comparison.Left), Capture(comparison.Right)], pairs), Options));
    }

    private static CaptureDto Capture(CaptureStats stats) => new(
        stats.Name,
        [.. stats.Conversations.Select(Conversation)],
        [.. stats.Hosts.Select(Endpoint)],
        [.. stats.Ports.Select(Endpoint)]);

    private static ConversationDto Conversation(ConversationStats c) => new(
        FlowTitles.Protocol(c.Flow.Protocol),
        FlowTitles.Service(c.Flow),
        new EndpointDto(c.Flow.Client.Address.ToString(), c.Flow.Protocol is Transport.Tcp or Transport.Udp ? c.Flow.Client.Port : null, null),
        new EndpointDto(c.Flow.Server.Address.ToString(), c.Flow.Protocol is Transport.Tcp or Transport.Udp ? c.Flow.Server.Port : null, c.Flow.ServerName),
        Direction(c.ToServer),
        Direction(c.ToClient),
        c.Start.TotalSeconds,
        c.Duration.TotalSeconds,
        c.Flow.FirstFrame,
        c.Flow.LastFrame);

    private static DirectionDto Direction(FlowCounters counters) =>
        new(counters.Packets, counters.FrameBytes, counters.PayloadBytes, counters.Syns, counters.Fins, counters.Resets, counters.Retransmissions);

    private static EndpointStatsDto Endpoint(EndpointStats e) => new(
        e.Protocol is { } p ? FlowTitles.Protocol(p) : null,
        e.Address.ToString(),
        e.Port,
        e.TxPackets,
        e.TxBytes,
        e.RxPackets,
        e.RxBytes);

    private sealed record StatsDocument(int SchemaVersion, IReadOnlyList<CaptureDto> Captures, IReadOnlyList<PairDto>? Pairs);

    private sealed record CaptureDto(string Name, IReadOnlyList<ConversationDto> Conversations, IReadOnlyList<EndpointStatsDto> Hosts, IReadOnlyList<EndpointStatsDto> Ports);

    private sealed record ConversationDto(
        string Protocol,
        string Service,
        EndpointDto Client,
        EndpointDto Server,
        DirectionDto ToServer,
        DirectionDto ToClient,
        double StartSeconds,
        double DurationSeconds,
        long FirstFrame,
        long LastFrame);

    private sealed record EndpointDto(string Address, ushort? Port, string? Name);

    private sealed record DirectionDto(long Packets, long Bytes, long PayloadBytes, long Syn, long Fin, long Rst, long Retransmissions);

    private sealed record EndpointStatsDto(string? Protocol, string Address, ushort? Port, long TxPackets, long TxBytes, long RxPackets, long RxBytes);

    private sealed record PairDto(string Service, int? Left, int? Right, long PacketsDelta, long BytesDelta);
}
