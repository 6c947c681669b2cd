namespace PcapDiff.Testing;

/// <summary>How <see cref="FlowSnapshot"/> reads the capture and what it does on a mismatch.</summary>
public sealed record FlowSnapshotSettings
{
    /// <summary>The environment variable that, set to 1, accepts received snapshots (ignored when CI=true).</summary>
    public const string AcceptVariable = "PCAPDIFF_ACCEPT";

    /// <summary>A BPF filter applied to the capture before its flows are compared, e.g. "tcp port 8514".</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// Write the received flows as the verified snapshot instead of failing. By default on when
    /// PCAPDIFF_ACCEPT=1 and not on CI (CI=true), so a CI run never accepts anything.
    /// </summary>
    public bool AcceptReceived { get; init; } =
        Environment.GetEnvironmentVariable(AcceptVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true";

    /// <summary>Width of the side-by-side report in the failure message.</summary>
    public int ReportWidth { get; init; } = 120;
}
