using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering;

/// <summary>Writes a <see cref="DiffReport"/> in one output format. A function of the report and its options.</summary>
public interface IReportRenderer
{
    /// <summary>Writes the report to <paramref name="output"/>.</summary>
    void Render(DiffReport report, TextWriter output);
}
