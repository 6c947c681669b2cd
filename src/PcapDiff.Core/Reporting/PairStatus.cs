namespace PcapDiff.Core.Reporting;

/// <summary>How a flow of one run relates to the other run.</summary>
public enum PairStatus
{
    /// <summary>Paired, and the event sequences are the same.</summary>
    Equal,

    /// <summary>Paired, and the event sequences differ.</summary>
    Diverged,

    /// <summary>Only the left (good) run has this flow.</summary>
    OnlyLeft,

    /// <summary>Only the right (bad) run has this flow.</summary>
    OnlyRight,
}
