using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>The comparison of one flow of the left run with its counterpart in the right run.</summary>
public sealed record FlowPairDiff
{
    /// <summary>The left (good) flow, or null when only the right run has it.</summary>
    public Flow? Left { get; init; }

    /// <summary>The right (bad) flow, or null when only the left run has it.</summary>
    public Flow? Right { get; init; }

    /// <summary>How the two relate.</summary>
    public required PairStatus Status { get; init; }

    /// <summary>How the two flows' servers differ (port, name, address, family); <see cref="FlowIdentity.Same"/> for a one-sided pair.</summary>
    public FlowIdentity Identity { get; init; } = FlowIdentity.Same;

    /// <summary>The aligned events (one-sided rows for a one-sided flow).</summary>
    public required IReadOnlyList<AlignedRow> Rows { get; init; }

    /// <summary>The first divergence, for a diverged or one-sided pair.</summary>
    public Divergence? Divergence { get; init; }

    /// <summary>Known patterns recognised in the flows.</summary>
    public IReadOnlyList<Hint> Hints { get; init; } = [];

    /// <summary>Things worth knowing that are not divergences (retransmissions recognised, caps hit, …).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Whether reports show the pair in detail: it differs, or a hint names something in it (loss and
    /// stalled readers change timing, not events, so an equal pair can have one).
    /// </summary>
    public bool NeedsAttention => Status != PairStatus.Equal || Hints.Count > 0;

    /// <summary>Either flow, the left one first: the one to take the protocol and service from.</summary>
    public Flow Any => Left ?? Right!;
}
