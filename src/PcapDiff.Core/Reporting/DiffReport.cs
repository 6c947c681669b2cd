using PcapDiff.Core.Runs;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// The result of comparing two runs, and the only thing renderers see: the two sides, every flow
/// pair with its aligned events, divergences and hints.
/// </summary>
public sealed record DiffReport
{
    /// <summary>The left run, the reference (the good one), with its warnings.</summary>
    public required Run Left { get; init; }

    /// <summary>The right run, compared with the reference (the bad one), with its warnings.</summary>
    public required Run Right { get; init; }

    /// <summary>Every flow pair, in the left run's order, one-sided flows included.</summary>
    public required IReadOnlyList<FlowPairDiff> Pairs { get; init; }

    /// <summary>Equivalent when every pair is equal and no flow is one-sided.</summary>
    public Verdict Verdict => Pairs.All(p => p.Status == PairStatus.Equal) ? Verdict.Equivalent : Verdict.Different;

    /// <summary>Pairs present in both runs.</summary>
    public int Paired => Pairs.Count(p => p.Status is PairStatus.Equal or PairStatus.Diverged);

    /// <summary>Paired flows whose events match.</summary>
    public int EqualPairs => Pairs.Count(p => p.Status == PairStatus.Equal);

    /// <summary>Paired flows whose events differ.</summary>
    public int DivergedPairs => Pairs.Count(p => p.Status == PairStatus.Diverged);

    /// <summary>Flows only the left run has.</summary>
    public int OnlyLeft => Pairs.Count(p => p.Status == PairStatus.OnlyLeft);

    /// <summary>Flows only the right run has.</summary>
    public int OnlyRight => Pairs.Count(p => p.Status == PairStatus.OnlyRight);

    /// <summary>
    /// The pair whose divergence comes first, by the left run's frames where it has them (it is
    /// the reference), else by the right run's.
    /// </summary>
    public FlowPairDiff? FirstDivergence => Pairs
        .Where(p => p.Divergence is not null)
        .OrderBy(p => p.Divergence!.LeftFrame ?? long.MaxValue)
        .ThenBy(p => p.Divergence!.RightFrame ?? long.MaxValue)
        .FirstOrDefault();

    /// <summary>The position of <paramref name="pair"/> in <see cref="Pairs"/>, or -1.</summary>
    public int IndexOf(FlowPairDiff pair)
    {
        for (int i = 0; i < Pairs.Count; i++)
        {
            if (ReferenceEquals(Pairs[i], pair))
            {
                return i;
            }
        }

        return -1;
    }
}
