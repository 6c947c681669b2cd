using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Statistics;

/// <summary>Two captures' statistics side by side, conversations paired the way the diff pairs flows.</summary>
/// <param name="Left">The left (good) capture.</param>
/// <param name="Right">The right (bad) capture.</param>
/// <param name="Pairs">Conversation pairs, largest (by the larger side's bytes) first; one-sided ones included.</param>
public sealed record StatsComparison(CaptureStats Left, CaptureStats Right, IReadOnlyList<ConversationPair> Pairs)
{
    /// <summary>Pairs the conversations of two captures with <see cref="FlowMatcher"/>.</summary>
    public static StatsComparison Compare(CaptureStats left, CaptureStats right)
    {
        var byFlowLeft = left.Conversations.ToDictionary<ConversationStats, Flow>(c => c.Flow, ReferenceEqualityComparer.Instance);
        var byFlowRight = right.Conversations.ToDictionary<ConversationStats, Flow>(c => c.Flow, ReferenceEqualityComparer.Instance);
        var pairs = FlowMatcher.Pair([.. left.Conversations.Select(c => c.Flow)], [.. right.Conversations.Select(c => c.Flow)])
            .Select(m => new ConversationPair(
                m.Left is null ? null : byFlowLeft[m.Left],
                m.Right is null ? null : byFlowRight[m.Right]))
            .OrderByDescending(p => Math.Max(p.Left?.Bytes ?? 0, p.Right?.Bytes ?? 0))
            .ToList();
        return new StatsComparison(left, right, pairs);
    }
}
