namespace PcapDiff.Rendering.View;

/// <summary>A line of a side-by-side: a shown row (<see cref="Row"/> ≥ 0), or a fold standing for <see cref="Folded"/> rows not shown.</summary>
/// <param name="Row">Index of the row shown, or -1 for a fold.</param>
/// <param name="Folded">Rows the fold stands for; 0 for a shown row.</param>
public readonly record struct SectionLine(int Row, int Folded)
{
    /// <summary>Whether the line is a fold.</summary>
    public bool IsFold => Row < 0;
}
