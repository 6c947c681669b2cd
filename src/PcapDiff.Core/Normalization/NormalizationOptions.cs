namespace PcapDiff.Core.Normalization;

/// <summary>Settings of the normalization stage.</summary>
/// <param name="MaxEventsPerFlow">Events kept per flow; later ones are dropped and the flow says so.</param>
/// <param name="MaxFlows">Flows kept per capture; packets of later flows are counted, not normalized.</param>
public sealed record NormalizationOptions(int MaxEventsPerFlow = 100_000, int MaxFlows = 1_000_000)
{
    /// <summary>The defaults.</summary>
    public static NormalizationOptions Default { get; } = new();
}
