using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Runs;
using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering.Json;

/// <summary>
/// The divergence report as JSON for scripts: its own output types (never serialized internals),
/// a <c>schemaVersion</c>, and the schema in docs/report.schema.json. Its names and sentences are
/// the <see cref="ReportView"/>'s; unlike a reader, a script gets every flow and every pair, so
/// the view's caps and folds do not apply.
/// </summary>
public sealed class ReportJson : IReportRenderer
{
    /// <summary>Version of the report document; it changes when a field changes meaning.</summary>
    public const int SchemaVersion = 2;

    // Output goes out whenever this much is buffered: a report of a million-packet pair is
    // hundreds of megabytes of JSON, written flow by flow rather than built whole in memory.
    private const int FlushBytes = 1 << 16;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Readable for scripts and terminals (→, apostrophes as is); control characters are still escaped.
        Encoder = SafeJsonEncoder.Instance,
    };

    /// <inheritdoc />
    public void Render(ReportView view, TextWriter output)
    {
        var report = view.Report;
        var leftFlows = report.Pairs.Where(p => p.Left is not null).Select(p => p.Left!).OrderBy(f => f.Index).ToList();
        var rightFlows = report.Pairs.Where(p => p.Right is not null).Select(p => p.Right!).OrderBy(f => f.Index).ToList();
        var leftPosition = ReferenceIndex.Of(leftFlows);
        var rightPosition = ReferenceIndex.Of(rightFlows);
        var first = view.FirstDivergence;

        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        void Drain(bool always)
        {
            json.Flush();
            if (always || buffer.WrittenCount >= FlushBytes)
            {
                output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }
        }

        void Property<T>(string name, T value)
        {
            json.WritePropertyName(name);
            JsonSerializer.Serialize(json, value, Options);
        }

        void Array<T>(string name, IEnumerable<T> items)
        {
            json.WriteStartArray(name);
            foreach (var item in items)
            {
                JsonSerializer.Serialize(json, item, Options);
                Drain(always: false);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("verdict", view.Verdict == Verdict.Equivalent ? "equivalent" : "different");
        Property("left", Side(report.Left));
        Property("right", Side(report.Right));
        Property("summary", new SummaryDto(report.Paired, report.EqualPairs, report.DivergedPairs, report.OnlyLeft, report.OnlyRight));
        Property(
            "firstDivergence",
            first is null ? null : new FirstDivergenceDto(first.Pair, first.Description, first.LeftFrame, first.RightFrame));
        Array("leftFlows", leftFlows.Select(FlowOf));
        Array("rightFlows", rightFlows.Select(FlowOf));
        Array("pairs", report.Pairs.Select(p => Pair(p, leftPosition, rightPosition)));
        json.WriteEndObject();
        Drain(always: true);
        output.WriteLine();
    }

    private static SideDto Side(Run run) => new(
        run.Label,
        run.Name,
        run.Read?.Format ?? "flows",
        run.Read?.Frames,
        run.Flows.Flows.Count,
        [.. run.Warnings.Select(w => w.ToString())]);

    private static FlowDto FlowOf(Flow flow) => new(
        flow.Index,
        FlowTitles.Protocol(flow.Protocol),
        FlowTitles.Service(flow),
        flow.Client.Address.IsKnown ? new EndpointDto(flow.Client.Address.ToString(), flow.Protocol is Transport.Tcp or Transport.Udp ? flow.Client.Port : null) : null,
        new ServerDto(flow.Server.Address.IsKnown ? flow.Server.Address.ToString() : null, flow.Protocol is Transport.Tcp or Transport.Udp ? flow.Server.Port : null, flow.ServerName),
        flow.FirstFrame,
        flow.LastFrame,
        Counters(flow.ClientToServer),
        Counters(flow.ServerToClient),
        WiresharkFilters.ForFlow(flow),
        flow.ZeekState,
        flow.ZeekHistory,
        [.. flow.Events.Select(EventOf)]);

    private static CountersDto Counters(FlowCounters c) =>
        new(c.Packets, c.FrameBytes, c.PayloadBytes, c.Syns, c.Fins, c.Resets, c.Retransmissions);

    private static EventDto EventOf(FlowEvent e) => new(
        e.Text,
        e.Kind.ToString(),
        e.Arrow,
        e.Bytes,
        e.Packets,
        e.Repeats,
        e.FirstFrame,
        e.LastFrame,
        e.AcknowledgedFrame,
        e.Note);

    private static PairDto Pair(FlowPairDiff pair, Dictionary<Flow, int> left, Dictionary<Flow, int> right)
    {
        var leftIndex = ReferenceIndex.Of(pair.Left?.Events ?? []);
        var rightIndex = ReferenceIndex.Of(pair.Right?.Events ?? []);

        return new PairDto(
            pair.Status switch
            {
                PairStatus.Equal => "equal",
                PairStatus.Diverged => "diverged",
                PairStatus.OnlyLeft => "onlyLeft",
                _ => "onlyRight",
            },
            FlowTitles.Service(pair),
            pair.Left is null ? null : left[pair.Left],
            pair.Right is null ? null : right[pair.Right],
            pair.Left is null || pair.Right is null ? null : new IdentityDto(pair.Identity.PortDiffers, pair.Identity.NameDiffers, pair.Identity.AddressDiffers, pair.Identity.FamilyDiffers, pair.Identity.QueryDiffers),
            [.. pair.Rows.Select(r => new RowDto(
                Op(r.Op),
                r.Left is null ? null : leftIndex[r.Left],
                r.Right is null ? null : rightIndex[r.Right],
                r.Moved ? r.Counterpart : null))],
            pair.Divergence is { } d
                ? new DivergenceDto(d.Row, d.Description, d.LeftFrame, d.RightFrame, WiresharkFilters.ForDivergence(pair.Left, d, left: true), WiresharkFilters.ForDivergence(pair.Right, d, left: false))
                : null,
            [.. pair.Hints.Select(h => new HintDto(h.Id, h.Title, h.Explanation, h.Frames, h.Evidence))],
            pair.Notes);
    }

    private static string Op(AlignmentOp op) => op switch
    {
        AlignmentOp.Equal => "equal",
        AlignmentOp.Changed => "changed",
        AlignmentOp.LeftOnly => "leftOnly",
        _ => "rightOnly",
    };

    private sealed record SideDto(string Label, string Name, string Format, long? Frames, int Flows, IReadOnlyList<string> Warnings);

    private sealed record SummaryDto(int Paired, int Equal, int Diverged, int OnlyLeft, int OnlyRight);

    private sealed record FirstDivergenceDto(int Pair, string Description, long? LeftFrame, long? RightFrame);

    private sealed record FlowDto(
        int Index,
        string Protocol,
        string Service,
        EndpointDto? Client,
        ServerDto Server,
        long FirstFrame,
        long LastFrame,
        CountersDto ToServer,
        CountersDto ToClient,
        string? WiresharkFilter,
        string? ZeekState,
        string? ZeekHistory,
        IReadOnlyList<EventDto> Events);

    private sealed record EndpointDto(string Address, ushort? Port);

    private sealed record ServerDto(string? Address, ushort? Port, string? Name);

    private sealed record CountersDto(long Packets, long Bytes, long PayloadBytes, long Syn, long Fin, long Rst, long Retransmissions);

    private sealed record EventDto(string Text, string Kind, string Direction, long Bytes, int Packets, int Repeats, long FirstFrame, long LastFrame, long? AcknowledgedFrame, string? Note);

    private sealed record PairDto(
        string Status,
        string Service,
        int? Left,
        int? Right,
        IdentityDto? ServerDiffers,
        IReadOnlyList<RowDto> Rows,
        DivergenceDto? Divergence,
        IReadOnlyList<HintDto> Hints,
        IReadOnlyList<string> Notes);

    private sealed record IdentityDto(bool Port, bool Name, bool Address, bool Family, bool Query);

    private sealed record RowDto(string Op, int? Left, int? Right, int? MovedTo);

    private sealed record DivergenceDto(int Row, string Description, long? LeftFrame, long? RightFrame, string? LeftFilter, string? RightFilter);

    private sealed record HintDto(string Id, string Title, string Explanation, IReadOnlyList<long> Frames, IReadOnlyList<string> Evidence);
}
