using System.Text.Json;
using System.Text.RegularExpressions;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering.Html;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering.Tests;

/// <summary>
/// Text, HTML and JSON of one view say the same thing: the verdict, the flows shown side by side
/// and the frames of the first divergence, read back from each output as a user or a script would.
/// </summary>
public sealed partial class RendererAgreementTests
{
    [Theory]
    [MemberData(nameof(PairCase.Names), MemberType = typeof(PairCase))]
    public void Should_agree_on_verdict_shown_flows_and_first_frames_When_rendering_a_golden_pair_in_every_format(string name)
    {
        var pair = PairCase.Get(name);
        var view = ReportView.Of(GoldenPairTests.Compare(pair.Good, pair.Bad), new ReportOptions(ShowZeek: true));

        var text = Read(Render(new TextRenderer(new TerminalOptions(TerminalOptions.Unlimited)), view));
        var html = ReadHtml(Render(new HtmlRenderer(), view));
        var json = ReadJson(Render(new ReportJson(), view), view.Options.MaxFlowDetails);

        Assert.Equal(pair.Verdict == Verdict.Equivalent ? "EQUIVALENT" : "DIFFERENT", text.Verdict);
        Assert.Equal(pair.Verdict == Verdict.Different || pair.HintId is not null, text.Shown.Length > 0);
        Assert.Equal(text, html);
        Assert.Equal(text, json);
        Assert.Equal((pair.GoodFrame, pair.BadFrame), (text.LeftFrame, text.RightFrame));
    }

    [Fact]
    public void Should_add_the_zeek_column_to_the_html_flow_table_When_the_options_ask_for_it()
    {
        var report = GoldenPairTests.Compare("good-nc-1.pcap", "bad-raw-rst.pcap");

        string with = Render(new HtmlRenderer(), ReportView.Of(report, new ReportOptions(ShowZeek: true)));
        string without = Render(new HtmlRenderer(), ReportView.Of(report));

        Assert.Contains("<th>zeek good / bad</th>", with, StringComparison.Ordinal);
        Assert.Contains("<td>SF ShADadfF / RSTR ShRArD</td>", with, StringComparison.Ordinal);
        Assert.DoesNotContain("zeek", without, StringComparison.Ordinal);
    }

    /// <summary>What a reader takes from a report: the verdict word, the flows shown in detail (title and status, one per line) and the first divergence's frames.</summary>
    private sealed record Reading(string Verdict, string Shown, long? LeftFrame, long? RightFrame);

    private static string Render(IReportRenderer renderer, ReportView view)
    {
        var output = new StringWriter();
        renderer.Render(view, output);
        return output.ToString();
    }

    private static Reading Read(string text)
    {
        string verdict = VerdictLine().Match(text).Groups[1].Value;
        string shown = string.Join('\n', SectionLine().Matches(text).Select(m => $"{m.Groups[1].Value} [{m.Groups[2].Value}]"));
        var (left, right) = Frames(FirstLine().Match(text).Groups[1].Value);
        return new Reading(verdict, shown, left, right);
    }

    private static Reading ReadHtml(string html)
    {
        string verdict = HtmlVerdict().Match(html).Groups[1].Value;
        string shown = string.Join('\n', HtmlSection().Matches(html).Select(m => $"{Decode(m.Groups[2].Value)} [{Long(m.Groups[1].Value)}]"));
        var (left, right) = Frames(Decode(HtmlFirst().Match(html).Groups[1].Value));
        return new Reading(verdict, shown, left, right);
    }

    /// <summary>A script shown <paramref name="maxFlows"/> flows in detail, as a reader is: the first pairs that differ or have hints.</summary>
    private static Reading ReadJson(string json, int maxFlows)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string shown = string.Join('\n', root.GetProperty("pairs").EnumerateArray()
            .Where(p => p.GetProperty("status").GetString() != "equal" || p.GetProperty("hints").GetArrayLength() > 0)
            .Take(maxFlows)
            .Select(p => $"{p.GetProperty("service").GetString()} [{JsonStatus(p.GetProperty("status").GetString()!)}]"));
        var first = root.GetProperty("firstDivergence");
        long? Frame(string side) => first.ValueKind == JsonValueKind.Null || first.GetProperty(side).ValueKind == JsonValueKind.Null ? null : first.GetProperty(side).GetInt64();
        return new Reading(root.GetProperty("verdict").GetString()!.ToUpperInvariant(), shown, Frame("leftFrame"), Frame("rightFrame"));
    }

    /// <summary>The HTML badge is the flow table's short status; the text section says it long.</summary>
    private static string Long(string badge) => badge.StartsWith("only ", StringComparison.Ordinal) ? "only in " + badge[5..] : badge;

    private static string JsonStatus(string status) => status switch
    {
        "diverged" => "diverges",
        "onlyLeft" => "only in good",
        "onlyRight" => "only in bad",
        _ => status,
    };

    private static (long? Left, long? Right) Frames(string at)
    {
        var good = GoodFrame().Match(at);
        var bad = BadFrame().Match(at);
        return (good.Success ? long.Parse(good.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            bad.Success ? long.Parse(bad.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static string Decode(string html) => System.Net.WebUtility.HtmlDecode(html);

    [GeneratedRegex(@"^(EQUIVALENT|DIFFERENT): ", RegexOptions.Multiline)]
    private static partial Regex VerdictLine();

    [GeneratedRegex(@"^━━ (.+)  \[(.+)\]$", RegexOptions.Multiline)]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^First divergence: (.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstLine();

    [GeneratedRegex(@"id=""verdict"" class=""verdict \w+"">(\w+)<")]
    private static partial Regex HtmlVerdict();

    [GeneratedRegex(@"<section class=""pair"" id=""flow-\d+"">\n<h2><span class=""badge [\w-]+"">([^<]+)</span> ([^<]+)</h2>")]
    private static partial Regex HtmlSection();

    [GeneratedRegex(@"id=""first-divergence"" class=""first"">First divergence: <a href=""#[^""]+"">([^<]+)</a>")]
    private static partial Regex HtmlFirst();

    [GeneratedRegex(@"\bgood #(\d+)")]
    private static partial Regex GoodFrame();

    [GeneratedRegex(@"\bbad #(\d+)")]
    private static partial Regex BadFrame();
}
