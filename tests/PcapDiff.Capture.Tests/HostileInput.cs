using System.Diagnostics;
using PcapDiff.Core;
using PcapDiff.Core.Normalization;
using PcapDiff.Rendering.Html;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Capture.Tests;

/// <summary>
/// Puts one damaged capture through everything a user reaches: the reader, flow assembly and
/// normalization, the comparer (the capture against itself) and the text, HTML and JSON renderers;
/// and checks that the managed readers read it exactly as libpcap does.
/// </summary>
internal static class HostileInput
{
    /// <summary>How long one damaged capture may take, all the way through.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="path"/> through the whole pipeline. Returns the error message when the
    /// file was refused with a <see cref="PcapDiffException"/>, null when it was read; any other
    /// exception escapes, tagged with <paramref name="what"/>.
    /// </summary>
    public static string? Survive(string path, string what, NormalizationOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        string? refused = null;
        try
        {
            var loaded = RunLoader.Load(path, null, options);
            var report = CaptureComparer.Compare(
                loaded with { Label = "good", Name = "good" },
                loaded with { Label = "bad", Name = "bad" });
            Render(report);
        }
        catch (PcapDiffException e)
        {
            refused = e.Message;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{what}: {e.GetType().Name} escaped: {e.Message}", e);
        }

        Assert.True(clock.Elapsed < Limit, $"{what}: took {clock.Elapsed.TotalSeconds:0.0} s");
        string managed = ReadPaths.Describe(path, useLibpcap: false, out _);
        string libpcap = ReadPaths.Describe(path, useLibpcap: true, out _);
        Assert.True(managed == libpcap, $"{what}: the managed reader and libpcap differ: {ReadPaths.FirstDifference(managed, libpcap)}");
        return refused;
    }

    /// <summary>The report as text, HTML and JSON, concatenated.</summary>
    public static string Render(Core.Reporting.DiffReport report)
    {
        using var output = new StringWriter();
        var view = ReportView.Of(report, new ReportOptions(ShowEqualFlows: true));
        new TextRenderer(new TerminalOptions(Width: 100)).Render(view, output);
        new HtmlRenderer().Render(view, output);
        new ReportJson().Render(view, output);
        return output.ToString();
    }
}
