using PcapDiff.Core.Alignment;
using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering.Terminal;

/// <summary>Decides which aligned rows to show: every non-equal row plus some context; the rest folded.</summary>
internal static class RowFolding
{
    /// <summary>A shown row (Index ≥ 0) or a fold standing for <c>Folded</c> rows not shown.</summary>
    public readonly record struct Line(int Index, int Folded);

    /// <summary>
    /// A flow that only one run has is one long difference: show how it starts, fold the rest.
    /// </summary>
    public static IReadOnlyList<Line> Head(IReadOnlyList<AlignedRow> rows, int count)
    {
        var lines = new List<Line>();
        for (int i = 0; i < Math.Min(count, rows.Count); i++)
        {
            lines.Add(new Line(i, 0));
        }

        if (rows.Count > count)
        {
            lines.Add(new Line(-1, rows.Count - count));
        }

        return lines;
    }

    public static IReadOnlyList<Line> Fold(IReadOnlyList<AlignedRow> rows, int context)
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

        var lines = new List<Line>();
        int folded = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (keep[i])
            {
                if (folded > 0)
                {
                    lines.Add(new Line(-1, folded));
                    folded = 0;
                }

                lines.Add(new Line(i, 0));
            }
            else
            {
                folded++;
            }
        }

        if (folded > 0)
        {
            lines.Add(new Line(-1, folded));
        }

        return lines;
    }
}
