using Microsoft.Playwright;
using PcapDiff.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PcapDiff.Report.Tests;

/// <summary>
/// The <c>--html</c> report in a real browser (Debian's chromium through Playwright): what a user
/// sees and clicks, and that the page stays inert whatever the captures hold.
/// </summary>
public sealed class HtmlReportBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Good = "good-nc-1.pcap";
    private const string Bad = "bad-raw-rst.pcap";

    private const string HostileName = "\"><img src=x onerror=alert(1)>.test";
    private const string HostileScript = "<script>alert(1)</script>";
    private const string HostileTerminal = "\\x1b]0;pwned\\x07\\x1b[31mred";

    [Fact]
    public async Task Should_show_the_verdict_and_the_first_divergence_When_the_report_is_opened()
    {
        using var temp = new TempDirectory();
        string html = Path.Combine(temp.Path, "report.html");
        Assert.Equal(ReportCli.Different, ReportCli.Html(Good, Bad, html));

        await using var report = await ReportPage.OpenAsync(chromium.Browser, html);
        var page = report.Page;

        await Expect(page.Locator("#verdict")).ToBeVisibleAsync();
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("DIFFERENT");
        await Expect(page.Locator("#first-divergence")).ToBeVisibleAsync();
        await Expect(page.Locator("#first-divergence")).ToContainTextAsync("TCP collector.test:8514 at good #5 / bad #5");
        await Expect(page.Locator("#first-divergence")).ToContainTextAsync("After the server's SYN-ACK (#4) the client sent RST (#5), which the good run's client never sent.");
        await Expect(page.Locator(".hint").First).ToBeVisibleAsync();
        await Expect(page.Locator(".row.first")).ToHaveCountAsync(1);
        await Expect(page.Locator(".row.first")).ToBeVisibleAsync();
        await report.AssertQuietAsync();
    }

    [Fact]
    public async Task Should_expand_a_folded_run_and_show_its_rows_When_its_summary_is_clicked()
    {
        using var temp = new TempDirectory();
        string html = Path.Combine(temp.Path, "report.html");
        ReportCli.Html(Good, Bad, html, "--context", "0");

        await using var report = await ReportPage.OpenAsync(chromium.Browser, html);
        var fold = report.Page.Locator("details.fold").First;
        var rows = fold.Locator(".row");
        await Expect(fold).Not.ToHaveAttributeAsync("open", string.Empty);
        Assert.True(await rows.CountAsync() > 0, "the folded run holds no rows");
        await Expect(rows.First).ToBeHiddenAsync();

        await fold.Locator("summary").ClickAsync();

        await Expect(fold).ToHaveAttributeAsync("open", string.Empty);
        for (int i = 0; i < await rows.CountAsync(); i++)
        {
            await Expect(rows.Nth(i)).ToBeVisibleAsync();
        }

        await Expect(rows.First).ToContainTextAsync("C→S SYN");
        await report.AssertQuietAsync();
    }

    [Fact]
    public async Task Should_scroll_the_divergent_row_into_view_When_the_first_divergence_link_is_followed()
    {
        using var temp = new TempDirectory();
        string html = Path.Combine(temp.Path, "report.html");
        ReportCli.Html(Good, Bad, html);

        // A short viewport, so the row starts below the fold and only the link can bring it up.
        await using var report = await ReportPage.OpenAsync(chromium.Browser, html, width: 1100, height: 400);
        var page = report.Page;
        var link = page.Locator("#first-divergence a");
        string rowId = (await link.GetAttributeAsync("href"))!.TrimStart('#');
        Assert.Matches("^flow-[0-9]+-row-[0-9]+$", rowId);
        var row = page.Locator($"[id='{rowId}']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\brow\b.*\bfirst\b"));
        await Expect(row).Not.ToBeInViewportAsync();

        await link.ClickAsync();

        await page.WaitForFunctionAsync("id => location.hash === '#' + id", rowId);
        await Expect(row).ToBeInViewportAsync();
        await Expect(row).ToContainTextAsync("C→S RST");
        await report.AssertQuietAsync();
    }

    [Fact]
    public async Task Should_show_hostile_names_and_payloads_as_inert_text_When_the_hostile_captures_are_compared()
    {
        using var temp = new TempDirectory();
        string html = Path.Combine(temp.Path, "report.html");
        Assert.Equal(ReportCli.Different, ReportCli.Html("hostile-good.pcap", "hostile-bad.pcap", html));

        await using var report = await ReportPage.OpenAsync(chromium.Browser, html);
        var page = report.Page;

        await AssertInertAsync(page);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('b').length"));
        await Expect(page.GetByText($"DNS {HostileName}", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("DNS \\x1b[31mred\\x1b]0;title\\x07\\x1b[2j.test", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".row.first")).ToContainTextAsync("S→C DATA 15B \"<b>500</b>\\x1b[5m\\n\"");
        await Expect(page.Locator(".row.first")).ToBeVisibleAsync();
        await report.AssertQuietAsync();
    }

    [Fact]
    public async Task Should_show_hostile_names_and_payloads_as_inert_text_When_a_flows_file_contains_markup()
    {
        using var temp = new TempDirectory();
        string good = Path.Combine(temp.Path, "expected.flows");
        string bad = Path.Combine(temp.Path, "other.flows");
        File.WriteAllText(good, HostileFlows("  S→C DATA 4B \"201\\n\"\n  S→C FIN\n  C→S FIN\n  S→C ACK\n"));
        File.WriteAllText(bad, HostileFlows($"  S→C DATA 16B \"{HostileTerminal}\"\n  S→C RST\n"));
        string html = Path.Combine(temp.Path, "report.html");
        Assert.Equal(ReportCli.Different, ReportCli.Html(good, bad, html));

        await using var report = await ReportPage.OpenAsync(chromium.Browser, html);
        var page = report.Page;

        await AssertInertAsync(page);
        await Expect(page.GetByText(HostileName).First).ToBeVisibleAsync();
        await Expect(page.GetByText(HostileScript).First).ToBeVisibleAsync();
        await Expect(page.GetByText(HostileTerminal).First).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("pcapdiff: expected.flows vs other.flows");
        await report.AssertQuietAsync();
    }

    [Fact]
    public async Task Should_save_a_screenshot_When_the_report_is_rendered()
    {
        using var temp = new TempDirectory();
        string html = Path.Combine(temp.Path, "report.html");
        ReportCli.Html(Good, Bad, html);

        // PCAPDIFF_SCREENSHOT=1 refreshes the README's picture (docs/report-screenshot.png); otherwise the repository stays clean.
        string screenshot = Environment.GetEnvironmentVariable("PCAPDIFF_SCREENSHOT") == "1"
            ? Path.Combine(RepoPaths.Root, "docs", "report-screenshot.png")
            : Path.Combine(temp.Path, "report-screenshot.png");

        await using var report = await ReportPage.OpenAsync(chromium.Browser, html, width: 1100, height: 1300);
        await report.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Animations = ScreenshotAnimations.Disabled });

        byte[] png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 10_000, $"the screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        await report.AssertQuietAsync();
    }

    // Markup from a capture stays text: no element it could have made, no control character that
    // reached the page as such.
    private static async Task AssertInertAsync(IPage page)
    {
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        string text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
    }

    // Two flows whose server name is markup, and a client payload that is a script; the server's
    // answer (the last lines of the TCP flow) differs so the report shows the flow side by side.
    private static string HostileFlows(string serverAnswer)
    {
        const string Name = "\"><img\\x20src=x\\x20onerror=alert(1)>.test";
        return $"""
            pcapdiff flows 1

            flow UDP {Name}:53 dns {Name}
              C→S DNS query A {Name}
              S→C DNS response NOERROR A {Name} (answers: A)

            flow TCP {Name}:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 25B "{HostileScript}"

            """ + serverAnswer;
    }
}
