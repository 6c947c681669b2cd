using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>What normalizing one flow produced.</summary>
internal sealed record NormalizedFlow(
    IReadOnlyList<FlowEvent> Events,
    FlowAnomalies Anomalies,
    long ClientBytesUnacknowledged,
    long ServerBytesUnacknowledged,
    bool Capped);
