namespace PcapDiff.Cli;

/// <summary>Exit codes, as diff(1) has them.</summary>
public static class ExitCodes
{
    /// <summary>The runs are equivalent after normalization.</summary>
    public const int Equivalent = 0;

    /// <summary>A command that compares nothing (flows, stats, --version) did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The runs differ.</summary>
    public const int Different = 1;

    /// <summary>Usage or input error: a missing file, not a capture, a bad option.</summary>
    public const int Error = 2;
}
