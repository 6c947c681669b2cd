using Microsoft.Playwright;

namespace PcapDiff.Report.Tests;

/// <summary>
/// An HTML report opened in its own browser context, recording what a safe report never does:
/// open a dialog, request anything but its own file, or log an error (CSP violations are logged
/// as console errors).
/// </summary>
internal sealed class ReportPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _dialogs = [];
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];

    private ReportPage(IBrowserContext context, IPage page, string url)
    {
        _context = context;
        Page = page;
        Url = url;
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The report's file:// URL.</summary>
    public string Url { get; }

    /// <summary>Opens <paramref name="htmlPath"/> in a fresh context with a viewport of the given size.</summary>
    public static async Task<ReportPage> OpenAsync(IBrowser browser, string htmlPath, int width = 1100, int height = 1300)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var report = new ReportPage(context, page, new Uri(htmlPath).AbsoluteUri);

        page.Dialog += (_, dialog) =>
        {
            lock (report._dialogs)
            {
                report._dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
        context.Request += (_, request) =>
        {
            lock (report._requests)
            {
                report._requests.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (report._errors)
                {
                    report._errors.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (report._errors)
            {
                report._errors.Add($"page error: {error}");
            }
        };

        var response = await page.GotoAsync(report.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is null || response.Ok, $"opening {report.Url} failed");
        return report;
    }

    /// <summary>Asserts that no dialog fired, nothing but the report itself was requested, and nothing was logged as an error.</summary>
    public async Task AssertQuietAsync()
    {
        // Give late events (a lazily loaded image, a deferred script) a moment to show up.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (_dialogs)
        {
            Assert.True(_dialogs.Count == 0, "dialogs fired: " + string.Join("; ", _dialogs));
        }

        lock (_requests)
        {
            var others = _requests.Where(url => url != Url).ToList();
            Assert.True(others.Count == 0, "the page requested: " + string.Join("; ", others));
        }

        lock (_errors)
        {
            Assert.True(_errors.Count == 0, string.Join("\n", _errors));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
