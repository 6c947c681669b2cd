using System.Globalization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Statistics;

namespace PcapDiff.Rendering.View;

/// <summary>
/// What <c>pcapdiff stats</c> shows, decided once: for one capture its conversations, hosts and
/// TCP and UDP endpoints; for two, their conversations side by side with deltas. The tables
/// renderer draws <see cref="Tables"/>; the JSON renderer writes <see cref="Captures"/> and
/// <see cref="Comparison"/> whole, with the same names.
/// </summary>
public sealed class StatsView
{
    private readonly StatsOptions _options;

    private StatsView(IReadOnlyList<CaptureStats> captures, StatsComparison? comparison, StatsOptions options)
    {
        _options = options;
        Captures = captures;
        Comparison = comparison;
        Tables = comparison is null ? CaptureTables(captures[0]) : [ComparisonTable(comparison)];
    }

    /// <summary>The captures' statistics, one or two.</summary>
    public IReadOnlyList<CaptureStats> Captures { get; }

    /// <summary>The two captures' conversations paired, or null for one capture.</summary>
    public StatsComparison? Comparison { get; }

    /// <summary>The tables shown, in order.</summary>
    public IReadOnlyList<StatsTable> Tables { get; }

    /// <summary>The view of one capture's statistics.</summary>
    public static StatsView Of(CaptureStats stats, StatsOptions? options = null) => new([stats], null, options ?? new StatsOptions());

    /// <summary>The view of two captures' statistics side by side.</summary>
    public static StatsView Of(StatsComparison comparison, StatsOptions? options = null) =>
        new([comparison.Left, comparison.Right], comparison, options ?? new StatsOptions());

    /// <summary>The service a conversation pair talks to, both runs' where they differ: <c>TCP collector.test:8514 ≠ TCP other.test:8514</c>.</summary>
    public static string Service(ConversationPair pair)
    {
        string service = FlowTitles.Service((pair.Left ?? pair.Right)!.Flow);
        return pair is { Left: not null, Right: { } r } && FlowTitles.Service(r.Flow) is var other && other != service ? $"{service} ≠ {other}" : service;
    }

    private IReadOnlyList<StatsTable> CaptureTables(CaptureStats stats) =>
    [
        new(
            $"Conversations of {stats.Name} ({stats.Conversations.Count}, by bytes)",
            null,
            [Text("protocol"), Text("client"), Text("server"), Text("name"), .. Numbers(["→ pkts", "→ bytes", "← pkts", "← bytes", "pkts", "bytes", "start s", "duration s"])],
            [.. Top(stats.Conversations).Select(c => new StatsRow(
            [
                FlowTitles.Protocol(c.Flow.Protocol),
                Client(c.Flow),
                Server(c.Flow),
                c.Flow.ServerName is { } name ? PayloadPreview.EscapeText(name) : string.Empty,
                N(c.ToServer.Packets),
                N(c.ToServer.FrameBytes),
                N(c.ToClient.Packets),
                N(c.ToClient.FrameBytes),
                N(c.Packets),
                N(c.Bytes),
                Seconds(c.Start),
                Seconds(c.Duration),
            ]))],
            More(stats.Conversations.Count)),
        new($"Hosts ({stats.Hosts.Count}, by bytes)", null, [Text("address"), .. Numbers(Counted)], [.. Top(stats.Hosts).Select(e => new StatsRow([e.Address.ToString(), .. Counts(e)]))], More(stats.Hosts.Count)),
        new(
            $"TCP and UDP endpoints ({stats.Ports.Count}, by bytes)",
            null,
            [Text("protocol"), Text("address"), .. Numbers(["port", .. Counted])],
            [.. Top(stats.Ports).Select(e => new StatsRow([FlowTitles.Protocol(e.Protocol!.Value), e.Address.ToString(), e.Port!.Value.ToString(CultureInfo.InvariantCulture), .. Counts(e)]))],
            More(stats.Ports.Count)),
    ];

    private StatsTable ComparisonTable(StatsComparison comparison)
    {
        string left = _options.LeftLabel;
        string right = _options.RightLabel;
        int onlyLeft = comparison.Pairs.Count(p => p.Right is null);
        int onlyRight = comparison.Pairs.Count(p => p.Left is null);
        return new(
            $"{left}: {comparison.Left.Name} ({Conversations(comparison.Left)})   {right}: {comparison.Right.Name} ({Conversations(comparison.Right)})",
            $"{comparison.Pairs.Count - onlyLeft - onlyRight} paired, {onlyLeft} only in {left}, {onlyRight} only in {right}",
            [Text("conversation"), .. Numbers([$"{left} pkts", $"{left} bytes", $"{right} pkts", $"{right} bytes", "Δ pkts", "Δ bytes"]), Text(string.Empty)],
            [.. Top(comparison.Pairs).Select(pair => new StatsRow(
                [
                    Service(pair),
                    pair.Left is null ? "—" : N(pair.Left.Packets),
                    pair.Left is null ? "—" : N(pair.Left.Bytes),
                    pair.Right is null ? "—" : N(pair.Right.Packets),
                    pair.Right is null ? "—" : N(pair.Right.Bytes),
                    Delta(pair.PacketsDelta),
                    Delta(pair.BytesDelta),
                    pair.Left is null ? $"only in {right}" : pair.Right is null ? $"only in {left}" : string.Empty,
                ],
                pair.Left is null ? StatsSide.Right : pair.Right is null ? StatsSide.Left : null))],
            More(comparison.Pairs.Count));
    }

    private static readonly string[] Counted = ["pkts", "bytes", "tx pkts", "tx bytes", "rx pkts", "rx bytes"];

    private static StatsColumn Text(string name) => new(name, IsNumber: false);

    private static IEnumerable<StatsColumn> Numbers(string[] names) => names.Select(n => new StatsColumn(n, IsNumber: true));

    private static string[] Counts(EndpointStats e) => [N(e.Packets), N(e.Bytes), N(e.TxPackets), N(e.TxBytes), N(e.RxPackets), N(e.RxBytes)];

    private IEnumerable<T> Top<T>(IReadOnlyList<T> rows) => _options.Top > 0 ? rows.Take(_options.Top) : rows;

    private string? More(int count) => _options.Top > 0 && count > _options.Top ? $"… {count - _options.Top} more (--top 0 shows all)" : null;

    private static string Conversations(CaptureStats stats) =>
        stats.Conversations.Count == 1 ? "1 conversation" : $"{stats.Conversations.Count} conversations";

    private static string Client(Flow flow) =>
        flow.Protocol is Transport.Icmp or Transport.Icmpv6 ? flow.Client.Address.ToString() : flow.Client.ToString();

    private static string Server(Flow flow) =>
        flow.Protocol is Transport.Icmp or Transport.Icmpv6 ? flow.Server.Address.ToString() : flow.Server.ToString();

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Delta(long value) => value switch
    {
        0 => "0",
        > 0 => "+" + N(value),
        _ => N(value),
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
}
