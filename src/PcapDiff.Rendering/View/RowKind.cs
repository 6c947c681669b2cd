namespace PcapDiff.Rendering.View;

/// <summary>How an aligned row is marked.</summary>
public enum RowKind
{
    /// <summary>Both runs have the same event.</summary>
    Equal,

    /// <summary>Both runs have an event there, and they differ (≠).</summary>
    Changed,

    /// <summary>Both runs have the event, at different places (~).</summary>
    Moved,

    /// <summary>Only the first run has the event (&lt;).</summary>
    LeftOnly,

    /// <summary>Only the second run has the event (&gt;).</summary>
    RightOnly,
}
