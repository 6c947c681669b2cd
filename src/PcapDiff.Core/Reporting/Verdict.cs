namespace PcapDiff.Core.Reporting;

/// <summary>The answer to "do the two runs behave the same?".</summary>
public enum Verdict
{
    /// <summary>After normalization every flow pairs up and matches.</summary>
    Equivalent,

    /// <summary>At least one flow diverges or exists in one run only.</summary>
    Different,
}
