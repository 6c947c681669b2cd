using System.Globalization;
using System.Text;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering.Terminal;

namespace PcapDiff.Rendering.Html;

/// <summary>
/// One self-contained HTML file a user can attach to a ticket: inline CSS and SVG, no script, no
/// external resource (a Content-Security-Policy forbids loading anything), readable in light and
/// dark mode, printable. Every string goes through <see cref="HtmlText.Escape"/>.
/// </summary>
/// <param name="context">Equal events shown around a difference.</param>
/// <param name="showEqualFlows">Every flow gets its section and its table row (--all).</param>
/// <param name="maxFlowDetails">Flows shown side by side at most, as in the text report (--max-flows); 0 for all.</param>
public sealed class HtmlRenderer(int context = 3, bool showEqualFlows = false, int maxFlowDetails = 0) : IReportRenderer
{
    /// <inheritdoc />
    public void Render(DiffReport report, TextWriter output)
    {
        var html = new StringBuilder(16 * 1024);
        string title = $"pcapdiff: {report.Left.Name} vs {report.Right.Name}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");

        Header(html, report);
        var listing = new FlowListing(report, showEqualFlows, maxFlowDetails);
        FlowTable(html, report, listing);
        BytesChart(html, report);
        foreach (int i in listing.Detailed)
        {
            Pair(html, report, report.Pairs[i], i);
        }

        More(html, listing.NotDetailedLine);

        html.Append("<footer>Made by pcapdiff. Frame numbers are those of each capture file (line numbers for a .flows file).</footer>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static string E(string? text) => HtmlText.Escape(text);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Header(StringBuilder html, DiffReport report)
    {
        bool same = report.Verdict == Verdict.Equivalent;
        html.Append("<header>\n<h1>pcapdiff</h1>\n<p class=\"runs\"><span class=\"label\">").Append(E(report.Left.Label)).Append("</span> ")
            .Append(E(Describe(report.Left))).Append("<br><span class=\"label\">").Append(E(report.Right.Label)).Append("</span> ")
            .Append(E(Describe(report.Right))).Append("</p>\n");
        html.Append("<p id=\"verdict\" class=\"verdict ").Append(same ? "same" : "different").Append("\">")
            .Append(same ? "EQUIVALENT" : "DIFFERENT").Append("</p>\n<p>")
            .Append(E($"{report.Paired} flow{(report.Paired == 1 ? string.Empty : "s")} paired ({report.EqualPairs} equal, {report.DivergedPairs} diverging), {report.OnlyLeft} only in {report.Left.Label}, {report.OnlyRight} only in {report.Right.Label}"))
            .Append("</p>\n");
        foreach (string warning in report.Left.Warnings.Concat(report.Right.Warnings))
        {
            html.Append("<p class=\"warning\">Warning: ").Append(E(warning)).Append("</p>\n");
        }

        if (report.FirstDivergence is { Divergence: { } first } pair)
        {
            int index = report.IndexOf(pair);
            html.Append("<p id=\"first-divergence\" class=\"first\">First divergence: <a href=\"#").Append(RowId(index, first.Row)).Append("\">")
                .Append(E($"{FlowTitles.Service(pair)} {FlowTitles.At(report.Left.Label, first.LeftFrame, report.Right.Label, first.RightFrame)}".TrimEnd())).Append("</a><br>")
                .Append(E(first.Description)).Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static string Describe(CaptureSide side)
    {
        string flows = side.Flows == 1 ? "1 flow" : $"{side.Flows} flows";
        return side.Read is { } read ? $"{side.Name} ({read.Frames} frames, {read.Format}, {flows})" : $"{side.Name} ({flows})";
    }

    private static string PairId(int pair) => $"flow-{pair}";

    private static string RowId(int pair, int row) => $"flow-{pair}-row-{row}";

    private static void FlowTable(StringBuilder html, DiffReport report, FlowListing listing)
    {
        html.Append("<section>\n<h2>Flows</h2>\n<div class=\"scroll\"><table class=\"flows\">\n<thead><tr><th>status</th><th>flow</th><th>")
            .Append(E(report.Left.Label)).Append("</th><th>").Append(E(report.Right.Label)).Append("</th></tr></thead>\n<tbody>\n");
        var sections = new HashSet<int>(listing.Detailed);
        foreach (int i in listing.Listed)
        {
            var pair = report.Pairs[i];
            var (badge, css) = Badge(report, pair.Status);
            string service = E(FlowTitles.Service(pair));
            html.Append("<tr><td><span class=\"badge ").Append(css).Append("\">").Append(E(badge)).Append("</span></td><td>")
                .Append(sections.Contains(i) ? $"<a href=\"#{PairId(i)}\">{service}</a>" : service)
                .Append("</td><td class=\"num\">").Append(E(FlowTitles.Volume(pair.Left))).Append("</td><td class=\"num\">")
                .Append(E(FlowTitles.Volume(pair.Right))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        More(html, listing.UnlistedLine);
        More(html, listing.EqualLine);
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

    private static (string Text, string Css) Badge(DiffReport report, PairStatus status) => status switch
    {
        PairStatus.Equal => ("equal", "equal"),
        PairStatus.Diverged => ("diverges", "diverged"),
        PairStatus.OnlyLeft => ($"only {report.Left.Label}", "only-left"),
        _ => ($"only {report.Right.Label}", "only-right"),
    };

    private static void BytesChart(StringBuilder html, DiffReport report)
    {
        var rows = report.Pairs
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
            .Append(E($"Frame bytes per conversation, {report.Left.Label} and {report.Right.Label}")).Append("\">\n");
        html.Append("<rect class=\"key left\" x=\"").Append(LabelWidth).Append("\" y=\"2\" width=\"12\" height=\"10\"/><text x=\"")
            .Append(LabelWidth + 16).Append("\" y=\"11\">").Append(E(report.Left.Label)).Append("</text>")
            .Append("<rect class=\"key right\" x=\"").Append(LabelWidth + 110).Append("\" y=\"2\" width=\"12\" height=\"10\"/><text x=\"")
            .Append(LabelWidth + 126).Append("\" y=\"11\">").Append(E(report.Right.Label)).Append("</text>\n");
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

    private void Pair(StringBuilder html, DiffReport report, FlowPairDiff pair, int index)
    {
        var (badge, css) = Badge(report, pair.Status);
        html.Append("<section class=\"pair\" id=\"").Append(PairId(index)).Append("\">\n<h2><span class=\"badge ").Append(css).Append("\">")
            .Append(E(badge)).Append("</span> ").Append(E(FlowTitles.Service(pair))).Append("</h2>\n<p class=\"endpoints\">");
        if (pair.Left is { } left)
        {
            html.Append(E($"{report.Left.Label}: {FlowTitles.Endpoints(left)}")).Append("<br>");
        }

        if (pair.Right is { } right)
        {
            html.Append(E($"{report.Right.Label}: {FlowTitles.Endpoints(right)}"));
        }

        html.Append("</p>\n");
        if (pair.Divergence is { } divergence)
        {
            html.Append("<p class=\"divergence\"><strong>Divergence:</strong> ").Append(E(divergence.Description)).Append("</p>\n");
        }

        foreach (var hint in pair.Hints)
        {
            html.Append("<div class=\"hint\"><strong>Hint: ").Append(E(hint.Title)).Append("</strong><p>").Append(E(hint.Explanation)).Append("</p>");
            if (hint.Evidence.Count > 0)
            {
                html.Append("<p class=\"evidence\">Evidence (").Append(E(report.Right.Label)).Append("): ").Append(E(string.Join("; ", hint.Evidence))).Append("</p>");
            }

            html.Append("</div>\n");
        }

        Rows(html, report, pair, index);
        if (pair.Divergence is { } d)
        {
            html.Append("<dl class=\"filters\">");
            Filter(html, report.Left.Label, WiresharkFilters.ForDivergence(pair.Left, d, left: true));
            Filter(html, report.Right.Label, WiresharkFilters.ForDivergence(pair.Right, d, left: false));
            html.Append("</dl>\n");
        }

        foreach (string note in pair.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Filter(StringBuilder html, string label, string? filter)
    {
        if (filter is not null)
        {
            html.Append("<dt>Wireshark filter, ").Append(E(label)).Append("</dt><dd><code>").Append(E(filter)).Append("</code></dd>");
        }
    }

    private void Rows(StringBuilder html, DiffReport report, FlowPairDiff pair, int index)
    {
        html.Append("<div class=\"sbs\" role=\"table\">\n<div class=\"row head\" role=\"row\"><span></span><span class=\"num\">#").Append(E(report.Left.Label))
            .Append("</span><span>").Append(E(report.Left.Label)).Append("</span><span class=\"num\">#").Append(E(report.Right.Label)).Append("</span><span>")
            .Append(E(report.Right.Label)).Append("</span></div>\n");
        var lines = pair.Status switch
        {
            PairStatus.Equal => [.. Enumerable.Range(0, pair.Rows.Count).Select(i => new RowFolding.Line(i, 0))],
            PairStatus.OnlyLeft or PairStatus.OnlyRight => RowFolding.Head(pair.Rows, (2 * context) + 2),
            _ => RowFolding.Fold(pair.Rows, context),
        };
        int next = 0;
        foreach (var line in lines)
        {
            if (line.Index >= 0)
            {
                Row(html, pair, index, line.Index);
                next = line.Index + 1;
                continue;
            }

            // A folded run: collapsed, one click away.
            html.Append("<details class=\"fold\"><summary>").Append(N(line.Folded)).Append(pair.Status == PairStatus.Diverged ? " equal event" : " more event").Append(line.Folded == 1 ? string.Empty : "s").Append("</summary>\n");
            for (int i = next; i < next + line.Folded; i++)
            {
                Row(html, pair, index, i);
            }

            html.Append("</details>\n");
            next += line.Folded;
        }

        html.Append("</div>\n");
    }

    private static void Row(StringBuilder html, FlowPairDiff pair, int index, int i)
    {
        var row = pair.Rows[i];
        var (marker, css) = row.Op switch
        {
            AlignmentOp.Equal => (string.Empty, "equal"),
            AlignmentOp.Changed => ("≠", "changed"),
            _ when row.Moved => ("~", "moved"),
            AlignmentOp.LeftOnly => ("<", "left-only"),
            _ => (">", "right-only"),
        };
        bool first = pair.Divergence?.Row == i;
        html.Append("<div class=\"row ").Append(css).Append(first ? " first" : string.Empty).Append("\" id=\"").Append(RowId(index, i))
            .Append("\" role=\"row\"><span>").Append(first ? "▶" : string.Empty).Append(E(marker)).Append("</span><span class=\"num\">")
            .Append(E(FlowTitles.Frames(row.Left))).Append("</span><span>").Append(E(FlowTitles.EventWithAnnotations(row.Left)))
            .Append("</span><span class=\"num\">").Append(E(FlowTitles.Frames(row.Right))).Append("</span><span>")
            .Append(E(FlowTitles.EventWithAnnotations(row.Right))).Append("</span></div>\n");
    }
}
