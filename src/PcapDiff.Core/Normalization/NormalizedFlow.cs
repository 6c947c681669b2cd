using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>What normalizing one flow produced: its events, and whether the per-flow cap cut them short.</summary>
internal sealed record NormalizedFlow(IReadOnlyList<FlowEvent> Events, bool Capped);
