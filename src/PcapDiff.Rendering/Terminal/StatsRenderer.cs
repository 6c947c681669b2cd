using System.Globalization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Statistics;
using Spectre.Console;
using static PcapDiff.Rendering.Terminal.TerminalConsole;
using Spectre.Console.Rendering;

namespace PcapDiff.Rendering.Terminal;

/// <summary>
/// Conversations and endpoints as terminal tables, one capture or two side by side. Byte counts
/// are exact frame bytes, so they can be checked against Wireshark's Conversations window.
/// </summary>
public sealed class StatsRenderer(TextRenderOptions options, int top)
{
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Missing = new(Color.Red);
    private static readonly Style Extra = new(Color.Fuchsia);

    /// <summary>Writes the statistics of one capture.</summary>
    public void Render(CaptureStats stats, TextWriter output)
    {
        using var trimmed = new LineTrimmingWriter(output);
        var console = TerminalConsole.Create(options, trimmed);
        Heading(console, $"Conversations of {stats.Name} ({stats.Conversations.Count}, by bytes)");
        var table = Table("protocol", "client", "server", "name", "→ pkts", "→ bytes", "← pkts", "← bytes", "pkts", "bytes", "start s", "duration s");
        foreach (var c in Top(stats.Conversations))
        {
            table.AddRow(Cells(
                FlowTitles.Protocol(c.Flow.Protocol),
                Client(c.Flow),
                Server(c.Flow),
                c.Flow.ServerName is { } name ? Core.Normalization.PayloadPreview.EscapeText(name) : string.Empty,
                N(c.ToServer.Packets),
                N(c.ToServer.FrameBytes),
                N(c.ToClient.Packets),
                N(c.ToClient.FrameBytes),
                N(c.Packets),
                N(c.Bytes),
                Seconds(c.Start),
                Seconds(c.Duration)));
        }

        console.Write(table);
        More(console, stats.Conversations.Count);

        Heading(console, $"Hosts ({stats.Hosts.Count}, by bytes)");
        console.Write(Endpoints(stats.Hosts, withPort: false));
        More(console, stats.Hosts.Count);

        Heading(console, $"TCP and UDP endpoints ({stats.Ports.Count}, by bytes)");
        console.Write(Endpoints(stats.Ports, withPort: true));
        More(console, stats.Ports.Count);
    }

    /// <summary>Writes two captures' conversations side by side, with deltas.</summary>
    public void Render(StatsComparison comparison, string leftLabel, string rightLabel, TextWriter output)
    {
        using var trimmed = new LineTrimmingWriter(output);
        var console = TerminalConsole.Create(options, trimmed);
        int onlyLeft = comparison.Pairs.Count(p => p.Right is null);
        int onlyRight = comparison.Pairs.Count(p => p.Left is null);
        Heading(console, $"{leftLabel}: {comparison.Left.Name} ({Conversations(comparison.Left)})   {rightLabel}: {comparison.Right.Name} ({Conversations(comparison.Right)})");
        console.Write(Plain($"{comparison.Pairs.Count - onlyLeft - onlyRight} paired, {onlyLeft} only in {leftLabel}, {onlyRight} only in {rightLabel}"));
        console.WriteLine();

        var table = Table("conversation", $"{leftLabel} pkts", $"{leftLabel} bytes", $"{rightLabel} pkts", $"{rightLabel} bytes", "Δ pkts", "Δ bytes", string.Empty);
        foreach (var pair in Top(comparison.Pairs))
        {
            var flow = (pair.Left ?? pair.Right)!.Flow;
            var (note, style) = (pair.Left, pair.Right) switch
            {
                (null, _) => ($"only in {rightLabel}", Extra),
                (_, null) => ($"only in {leftLabel}", Missing),
                _ => (string.Empty, Style.Plain),
            };
            string service = FlowTitles.Service(flow);
            if (pair is { Left: { } l, Right: { } r } && FlowTitles.Service(r.Flow) is var other && other != service)
            {
                service = $"{service} ≠ {other}";
            }

            table.AddRow(
                Plain(service, style),
                Plain(pair.Left is null ? "—" : N(pair.Left.Packets)),
                Plain(pair.Left is null ? "—" : N(pair.Left.Bytes)),
                Plain(pair.Right is null ? "—" : N(pair.Right.Packets)),
                Plain(pair.Right is null ? "—" : N(pair.Right.Bytes)),
                Plain(Delta(pair.PacketsDelta)),
                Plain(Delta(pair.BytesDelta)),
                Plain(note, style));
        }

        console.Write(table);
        More(console, comparison.Pairs.Count);
    }

    private static string Conversations(CaptureStats stats) =>
        stats.Conversations.Count == 1 ? "1 conversation" : $"{stats.Conversations.Count} conversations";

    private static string Client(Flow flow) =>
        flow.Protocol is Transport.Icmp or Transport.Icmpv6 ? flow.Client.Address.ToString() : flow.Client.ToString();

    private static string Server(Flow flow) =>
        flow.Protocol is Transport.Icmp or Transport.Icmpv6 ? flow.Server.Address.ToString() : flow.Server.ToString();

    /// <summary>The first <c>--top</c> endpoints as a table; <see cref="More"/> says how many were left out.</summary>
    private Table Endpoints(IReadOnlyList<EndpointStats> endpoints, bool withPort)
    {
        var table = withPort
            ? Table("protocol", "address", "port", "pkts", "bytes", "tx pkts", "tx bytes", "rx pkts", "rx bytes")
            : Table("address", "pkts", "bytes", "tx pkts", "tx bytes", "rx pkts", "rx bytes");
        foreach (var e in Top(endpoints))
        {
            var numbers = new[] { N(e.Packets), N(e.Bytes), N(e.TxPackets), N(e.TxBytes), N(e.RxPackets), N(e.RxBytes) };
            table.AddRow(Cells(withPort
                ? [FlowTitles.Protocol(e.Protocol!.Value), e.Address.ToString(), e.Port!.Value.ToString(CultureInfo.InvariantCulture), .. numbers]
                : [e.Address.ToString(), .. numbers]));
        }

        return table;
    }

    private IEnumerable<T> Top<T>(IReadOnlyList<T> rows) => top > 0 ? rows.Take(top) : rows;

    private void More(IAnsiConsole console, int count)
    {
        if (top > 0 && count > top)
        {
            console.Write(Plain($"  … {count - top} more (--top 0 shows all)", Dim));
            console.WriteLine();
        }
    }

    private static void Heading(IAnsiConsole console, string text)
    {
        console.WriteLine();
        console.Write(Plain(text, Bold));
        console.WriteLine();
    }

    private static Table Table(params string[] headers)
    {
        var table = new Table().Border(SimpleBorder).BorderStyle(Dim);
        for (int i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(Plain(headers[i]));
            table.AddColumn(i == 0 || headers[i] is "client" or "server" or "name" or "address" or "protocol" or "" ? column : column.RightAligned());
        }

        return table;
    }

    private static IRenderable[] Cells(params string[] texts) => Array.ConvertAll(texts, t => (IRenderable)Plain(t));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Delta(long value) => value switch
    {
        0 => "0",
        > 0 => "+" + N(value),
        _ => N(value),
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
}
