using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>One row of a side-by-side: an event of each run, or of one.</summary>
/// <param name="Op">How the two sides relate.</param>
/// <param name="Left">The left (good) run's event, or null.</param>
/// <param name="Right">The right (bad) run's event, or null.</param>
public sealed record AlignedRow(AlignmentOp Op, FlowEvent? Left, FlowEvent? Right)
{
    /// <summary>
    /// For a one-sided row whose event the other run has too, at another place (it moved): the index
    /// of the row holding the other run's copy; -1 otherwise.
    /// </summary>
    public int Counterpart { get; init; } = -1;

    /// <summary>True when the row's event is in both runs, only at different places.</summary>
    public bool Moved => Counterpart >= 0;

    /// <summary>The event of the row, whichever side has it (the right one when both do).</summary>
    public FlowEvent Event => Right ?? Left!;
}
