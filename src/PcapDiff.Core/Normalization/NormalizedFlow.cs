using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>What normalizing one flow produced.</summary>
internal sealed record NormalizedFlow(
    IReadOnlyList<FlowEvent> Events,
    FlowAnomalies Anomalies,
    long ClientBytesUnacknowledged,
    long ServerBytesUnacknowledged,
    bool Capped)
{
    /// <summary>Packets per direction (client to server, server to client) that repeated what was already sent.</summary>
    public IReadOnlyList<int> RepeatedPackets { get; init; } = [0, 0];
}
