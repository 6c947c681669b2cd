namespace PcapDiff.Core.Alignment;

/// <summary>How one row of an alignment relates its two sides.</summary>
public enum AlignmentOp
{
    /// <summary>The same on both sides.</summary>
    Equal,

    /// <summary>Different, in the same place.</summary>
    Changed,

    /// <summary>Only on the left (good, reference) side.</summary>
    LeftOnly,

    /// <summary>Only on the right (bad) side.</summary>
    RightOnly,
}
