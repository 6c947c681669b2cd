using PcapDiff.Core.Alignment;
using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering.View;

/// <summary>Decides which aligned rows to show: every non-equal row plus some context; the rest folded.</summary>
internal static class RowFolding
{
    /// <summary>
    /// A flow that only one run has is one long difference: show how it starts, fold the rest.
    /// </summary>
    public static IReadOnlyList<SectionLine> Head(IReadOnlyList<AlignedRow> rows, int count)
    {
        var lines = new List<SectionLine>();
        for (int i = 0; i < Math.Min(count, rows.Count); i++)
        {
            lines.Add(new SectionLine(i, 0));
        }

        if (rows.Count > count)
        {
            lines.Add(new SectionLine(-1, rows.Count - count));
        }

        return lines;
    }

    public static IReadOnlyList<SectionLine> Fold(IReadOnlyList<AlignedRow> rows, int context)
    {
        var keep = new bool[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Op == AlignmentOp.Equal)
            {
                continue;
            }

            for (int j = Math.Max(0, i - context); j <= Math.Min(rows.Count - 1, i + context); j++)
            {
                keep[j] = true;
            }
        }

        var lines = new List<SectionLine>();
        int folded = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (keep[i])
            {
                if (folded > 0)
                {
                    lines.Add(new SectionLine(-1, folded));
                    folded = 0;
                }

                lines.Add(new SectionLine(i, 0));
            }
            else
            {
                folded++;
            }
        }

        if (folded > 0)
        {
            lines.Add(new SectionLine(-1, folded));
        }

        return lines;
    }
}
