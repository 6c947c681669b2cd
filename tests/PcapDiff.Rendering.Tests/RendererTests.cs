using System.Text.Json;
using PcapDiff.Rendering.Html;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using PcapDiff.TestSupport;
using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering.Tests;

/// <summary>One hand-built report through every renderer, at a pinned width: the output formats' snapshots.</summary>
public sealed class RendererTests
{
    public static TheoryData<string> Formats => ["text", "html", "json"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_match_the_verified_output_When_rendering_the_fake_report(string format)
    {
        string output = Render(format, FakeReport.Build());

        Snapshot.Match(output, $"{nameof(RendererTests)}.{format}");
    }

    [Fact]
    public void Should_never_emit_markup_from_a_capture_When_rendering_html()
    {
        string html = Render("html", FakeReport.Build(hostile: true));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=alert", html.Replace("&#", "#", StringComparison.Ordinal).Replace("=x onerror", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_never_emit_a_control_character_When_rendering_text_without_colour()
    {
        string text = Render("text", FakeReport.Build(hostile: true));

        Assert.DoesNotContain(text, c => c < 0x20 && c != '\n');
        Assert.Contains("\\x1b[31m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_capture_strings_as_plain_json_strings_When_rendering_json()
    {
        string json = Render("json", FakeReport.Build(hostile: true));

        using var document = JsonDocument.Parse(json);
        Assert.Equal("different", document.RootElement.GetProperty("verdict").GetString());
        Assert.DoesNotContain('\u001b', json);
        Assert.Contains("<script>", document.RootElement.GetProperty("left").GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    private static string Render(string format, Core.Reporting.DiffReport report)
    {
        IReportRenderer renderer = format switch
        {
            "text" => new TextRenderer(new TerminalOptions(Width: 100)),
            "html" => new HtmlRenderer(),
            _ => new ReportJson(),
        };
        var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        renderer.Render(ReportView.Of(report), output);
        return output.ToString();
    }

    [Fact]
    public void Should_list_200_flows_and_count_the_rest_When_more_flows_differ_than_a_table_can_show()
    {
        var report = FakeReport.Build();
        var diverging = report.Pairs.First(p => p.Status != Core.Reporting.PairStatus.Equal);
        var many = report with { Pairs = [.. Enumerable.Repeat(diverging, 250)] };
        var text = new StringWriter();

        new TextRenderer(new TerminalOptions()).Render(ReportView.Of(many, new ReportOptions(MaxFlowDetails: 1)), text);

        var lines = text.ToString().Split('\n');
        Assert.Equal(200, lines.Count(l => l.StartsWith("  DIVERGES", StringComparison.Ordinal)));
        Assert.Contains("  … 50 more flows that differ or have hints (--all lists every flow)", lines);
    }

    [Fact]
    public void Should_cap_the_flow_table_and_the_sections_like_the_text_report_When_rendering_html_for_many_flows()
    {
        var report = FakeReport.Build();
        var diverging = report.Pairs.First(p => p.Status != Core.Reporting.PairStatus.Equal);
        var many = report with { Pairs = [.. Enumerable.Repeat(diverging, 250)] };
        var html = new StringWriter();

        new HtmlRenderer().Render(ReportView.Of(many, new ReportOptions(MaxFlowDetails: 5)), html);

        string page = html.ToString();
        Assert.Equal(200, page.Split("<tr><td><span class=\"badge diverged\">").Length - 1);
        Assert.Equal(5, page.Split("<section class=\"pair\"").Length - 1);
        Assert.Contains("… 50 more flows that differ or have hints (--all lists every flow)", page, StringComparison.Ordinal);
        Assert.Contains("… 245 more flows not shown in detail (--max-flows 0 shows all).", page, StringComparison.Ordinal);
    }
}
