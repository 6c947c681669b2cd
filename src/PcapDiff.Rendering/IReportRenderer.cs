using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering;

/// <summary>Writes a <see cref="ReportView"/> in one output format: a function of the view alone.</summary>
public interface IReportRenderer
{
    /// <summary>Writes the report to <paramref name="output"/>.</summary>
    void Render(ReportView view, TextWriter output);
}
