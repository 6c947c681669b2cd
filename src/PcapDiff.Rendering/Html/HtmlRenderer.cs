using System.Globalization;
using System.Text;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering.Html;

/// <summary>
/// One self-contained HTML file a user can attach to a ticket: inline CSS and SVG, no script, no
/// external resource (a Content-Security-Policy forbids loading anything), readable in light and
/// dark mode, printable. It shows what the <see cref="ReportView"/> shows, as the text report
/// does, with folded runs one click away. Every string goes through <see cref="HtmlText.Escape"/>.
/// </summary>
public sealed class HtmlRenderer : IReportRenderer
{
    /// <inheritdoc />
    public void Render(ReportView view, TextWriter output)
    {
        var html = new StringBuilder(16 * 1024);
        string title = $"pcapdiff: {view.Left.Name} vs {view.Right.Name}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");

        Header(html, view);
        FlowTable(html, view);
        BytesChart(html, view);
        foreach (var section in view.Sections)
        {
            Section(html, view, section);
        }

        More(html, view.NotDetailedLine);

        html.Append("<footer>Made by pcapdiff. Frame numbers are those of each capture file (line numbers for a .flows file).</footer>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static string E(string? text) => HtmlText.Escape(text);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Header(StringBuilder html, ReportView view)
    {
        bool same = view.Verdict == Verdict.Equivalent;
        html.Append("<header>\n<h1>pcapdiff</h1>\n<p class=\"runs\"><span class=\"label\">").Append(E(view.Left.Label)).Append("</span> ")
            .Append(E(view.Left.Description)).Append("<br><span class=\"label\">").Append(E(view.Right.Label)).Append("</span> ")
            .Append(E(view.Right.Description)).Append("</p>\n");
        html.Append("<p id=\"verdict\" class=\"verdict ").Append(same ? "same" : "different").Append("\">")
            .Append(view.VerdictWord).Append("</p>\n<p>").Append(E(view.Summary)).Append("</p>\n");
        foreach (var warning in view.Warnings)
        {
            html.Append("<p class=\"warning\">Warning: ").Append(E(warning.ToString())).Append("</p>\n");
        }

        if (view.FirstDivergence is { } first)
        {
            html.Append("<p id=\"first-divergence\" class=\"first\">First divergence: <a href=\"#").Append(RowId(first.Pair, first.Row)).Append("\">")
                .Append(E(first.Title)).Append("</a><br>").Append(E(first.Description)).Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static string PairId(int pair) => $"flow-{pair}";

    private static string RowId(int pair, int row) => $"flow-{pair}-row-{row}";

    private static void FlowTable(StringBuilder html, ReportView view)
    {
        html.Append("<section>\n<h2>Flows</h2>\n<div class=\"scroll\"><table class=\"flows\">\n<thead><tr><th>status</th><th>flow</th><th>")
            .Append(E(view.Left.Label)).Append("</th><th>").Append(E(view.Right.Label)).Append("</th>");
        if (view.ZeekColumn is { } zeek)
        {
            html.Append("<th>").Append(E(zeek)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in view.FlowTable)
        {
            string service = E(row.Service);
            html.Append("<tr><td><span class=\"badge ").Append(Css(row.Status)).Append("\">").Append(E(row.StatusText)).Append("</span></td><td>")
                .Append(row.HasSection ? $"<a href=\"#{PairId(row.Pair)}\">{service}</a>" : service)
                .Append("</td><td class=\"num\">").Append(E(row.LeftVolume)).Append("</td><td class=\"num\">")
                .Append(E(row.RightVolume)).Append("</td>");
            if (row.Zeek is { } history)
            {
                html.Append("<td>").Append(E(history)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        More(html, view.UnlistedLine);
        More(html, view.EqualLine);
        html.Append("</section>\n");
    }

    /// <summary>A line that counts what the report left out, when there is one.</summary>
    private static void More(StringBuilder html, string? line)
    {
        if (line is not null)
        {
            html.Append("<p class=\"more\">").Append(E(line)).Append("</p>\n");
        }
    }

    private static string Css(PairStatus status) => status switch
    {
        PairStatus.Equal => "equal",
        PairStatus.Diverged => "diverged",
        PairStatus.OnlyLeft => "only-left",
        _ => "only-right",
    };

    private static void BytesChart(StringBuilder html, ReportView view)
    {
        var rows = view.Report.Pairs
            .Select(p => (Pair: p, Left: Bytes(p.Left), Right: Bytes(p.Right)))
            .Where(r => r.Left + r.Right > 0)
            .OrderByDescending(r => Math.Max(r.Left, r.Right))
            .Take(30)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        const int LabelWidth = 260;
        const int BarWidth = 420;
        const int RowHeight = 34;
        long max = Math.Max(1, rows.Max(r => Math.Max(r.Left, r.Right)));
        int height = (rows.Count * RowHeight) + 24;
        html.Append("<section>\n<h2>Bytes per conversation</h2>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
            .Append(LabelWidth + BarWidth + 120).Append(' ').Append(height).Append("\" aria-label=\"")
            .Append(E($"Frame bytes per conversation, {view.Left.Label} and {view.Right.Label}")).Append("\">\n");
        html.Append("<rect class=\"key left\" x=\"").Append(LabelWidth).Append("\" y=\"2\" width=\"12\" height=\"10\"/><text x=\"")
            .Append(LabelWidth + 16).Append("\" y=\"11\">").Append(E(view.Left.Label)).Append("</text>")
            .Append("<rect class=\"key right\" x=\"").Append(LabelWidth + 110).Append("\" y=\"2\" width=\"12\" height=\"10\"/><text x=\"")
            .Append(LabelWidth + 126).Append("\" y=\"11\">").Append(E(view.Right.Label)).Append("</text>\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var (pair, left, right) = rows[i];
            int y = 22 + (i * RowHeight);
            string service = FlowTitles.Service(pair);
            html.Append("<text class=\"name\" x=\"").Append(LabelWidth - 8).Append("\" y=\"").Append(y + 16).Append("\">")
                .Append(E(service.Length > 32 ? service[..31] + "…" : service)).Append("<title>").Append(E(service)).Append("</title></text>");
            Bar(html, "left", LabelWidth, y + 2, left, max, BarWidth);
            Bar(html, "right", LabelWidth, y + 16, right, max, BarWidth);
            html.Append('\n');
        }

        html.Append("</svg>\n</section>\n");
    }

    private static void Bar(StringBuilder html, string side, int x, int y, long bytes, long max, int width)
    {
        int length = bytes == 0 ? 0 : Math.Max(1, (int)(width * bytes / max));
        html.Append("<rect class=\"bar ").Append(side).Append("\" x=\"").Append(x).Append("\" y=\"").Append(y)
            .Append("\" width=\"").Append(length).Append("\" height=\"12\"/><text class=\"value\" x=\"").Append(x + length + 6)
            .Append("\" y=\"").Append(y + 11).Append("\">").Append(E(FlowTitles.Bytes(bytes))).Append("</text>");
    }

    private static long Bytes(Flow? flow) => flow is null ? 0 : flow.ClientToServer.FrameBytes + flow.ServerToClient.FrameBytes;

    private static void Section(StringBuilder html, ReportView view, PairSection section)
    {
        html.Append("<section class=\"pair\" id=\"").Append(PairId(section.Pair)).Append("\">\n<h2><span class=\"badge ").Append(Css(section.Status)).Append("\">")
            .Append(E(section.Badge)).Append("</span> ").Append(E(section.Title)).Append("</h2>\n<p class=\"endpoints\">")
            .AppendJoin("<br>", section.Endpoints.Select(E)).Append("</p>\n");
        if (section.Divergence is { } divergence)
        {
            html.Append("<p class=\"divergence\"><strong>Divergence:</strong> ").Append(E(divergence)).Append("</p>\n");
        }

        foreach (var hint in section.Hints)
        {
            html.Append("<div class=\"hint\"><strong>Hint: ").Append(E(hint.Title)).Append("</strong><p>").Append(E(hint.Explanation)).Append("</p>");
            if (hint.Evidence is { } evidence)
            {
                html.Append("<p class=\"evidence\">").Append(E(evidence)).Append("</p>");
            }

            html.Append("</div>\n");
        }

        Rows(html, view, section);
        if (section.Filters.Count > 0)
        {
            html.Append("<dl class=\"filters\">");
            foreach (var filter in section.Filters)
            {
                html.Append("<dt>Wireshark filter, ").Append(E(filter.Label)).Append("</dt><dd><code>").Append(E(filter.Filter)).Append("</code></dd>");
            }

            html.Append("</dl>\n");
        }

        foreach (string note in section.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Rows(StringBuilder html, ReportView view, PairSection section)
    {
        html.Append("<div class=\"sbs\" role=\"table\">\n<div class=\"row head\" role=\"row\"><span></span><span class=\"num\">#").Append(E(view.Left.Label))
            .Append("</span><span>").Append(E(view.Left.Label)).Append("</span><span class=\"num\">#").Append(E(view.Right.Label)).Append("</span><span>")
            .Append(E(view.Right.Label)).Append("</span></div>\n");
        int next = 0;
        foreach (var line in section.Lines)
        {
            if (!line.IsFold)
            {
                Row(html, section, line.Row);
                next = line.Row + 1;
                continue;
            }

            // A folded run: collapsed, one click away.
            html.Append("<details class=\"fold\"><summary>").Append(E(section.FoldText(line.Folded))).Append("</summary>\n");
            for (int i = next; i < next + line.Folded; i++)
            {
                Row(html, section, i);
            }

            html.Append("</details>\n");
            next += line.Folded;
        }

        html.Append("</div>\n");
    }

    private static void Row(StringBuilder html, PairSection section, int index)
    {
        var row = section.Row(index);
        string css = row.Kind switch
        {
            RowKind.Equal => "equal",
            RowKind.Changed => "changed",
            RowKind.Moved => "moved",
            RowKind.LeftOnly => "left-only",
            _ => "right-only",
        };
        html.Append("<div class=\"row ").Append(css).Append(row.IsFirstDivergence ? " first" : string.Empty).Append("\" id=\"").Append(RowId(section.Pair, index))
            .Append("\" role=\"row\"><span>").Append(row.IsFirstDivergence ? "▶" : string.Empty).Append(E(row.Marker)).Append("</span><span class=\"num\">")
            .Append(E(row.LeftFrames)).Append("</span><span>").Append(E(row.LeftEvent))
            .Append("</span><span class=\"num\">").Append(E(row.RightFrames)).Append("</span><span>")
            .Append(E(row.RightEvent)).Append("</span></div>\n");
    }
}
