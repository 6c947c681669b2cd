using System.Buffers.Binary;
using PcapDiff.Core;
using PcapDiff.Core.Runs;
using PcapDiff.Core.Normalization;
using PcapDiff.TestSupport;
using PcapDiff.Rendering.View;

namespace PcapDiff.Capture.Tests;

/// <summary>
/// Never crash, never hang: small real captures truncated at every byte, with every header byte
/// flipped, with absurd lengths, unknown and oversized pcapng blocks and broken gzip. Whatever the
/// damage, a file is read (up to the damage) or refused with one line, quickly, in bounded memory.
/// </summary>
public sealed class MutationTests : IDisposable
{
    private const long MemoryBound = 200L * 1024 * 1024;
    private const int HeaderBytes = 320;

    private static readonly string[] Captures = ["good-nc-1.pcap", "good-nc-3.pcapng", "hostile-bad.pcap"];

    private static readonly ParallelOptions Workers = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Should_read_or_refuse_every_prefix_When_a_real_capture_is_truncated_at_every_byte_offset()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (string name in Captures)
        {
            byte[] whole = File.ReadAllBytes(RepoPaths.Capture(name));
            Parallel.For(0, whole.Length, Workers, length =>
            {
                string path = _directory.Write($"cut{length}{Path.GetExtension(name)}", whole[..length]);
                HostileInput.Survive(path, $"{name} cut at {length}");
            });
        }

        AssertMemoryBounded(before);
    }

    [Fact]
    public void Should_read_or_refuse_every_variant_When_each_byte_of_the_headers_and_first_frames_is_flipped()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (string name in Captures)
        {
            byte[] whole = File.ReadAllBytes(RepoPaths.Capture(name));
            Parallel.For(0, Math.Min(HeaderBytes, whole.Length), Workers, offset =>
            {
                byte[] flipped = (byte[])whole.Clone();
                flipped[offset] ^= 0xFF;
                string path = _directory.Write($"flip{offset}{Path.GetExtension(name)}", flipped);
                HostileInput.Survive(path, $"{name} with byte {offset} flipped");
            });
        }

        AssertMemoryBounded(before);
    }

    [Theory]
    [InlineData(300_000u)] // above the file's snaplen (262144)
    [InlineData(0x7FFF_FFFFu)]
    [InlineData(0xFFFF_FFFFu)]
    public void Should_read_or_refuse_When_a_record_claims_an_absurd_captured_length(uint caplen)
    {
        byte[] file = CaptureFileBuilder.Pcap(Frames());
        // The second record's header follows the file header and the first record.
        int second = 24 + 16 + TestFrames.TcpSyn().Length;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(second + 8), caplen);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(second + 12), caplen);

        long before = GC.GetTotalMemory(forceFullCollection: true);
        HostileInput.Survive(_directory.Write("caplen.pcap", file), $"caplen {caplen}");
        AssertMemoryBounded(before);
    }

    [Theory]
    [InlineData("IP total length beyond the capture", 16, 0xFF, 0xFF)]
    [InlineData("IP total length below the header", 16, 0x00, 0x04)]
    [InlineData("IP header length 0", 14, 0x40, -1)]
    [InlineData("IP header length 15", 14, 0x4F, -1)]
    [InlineData("TCP data offset 0", 46, 0x00, -1)]
    [InlineData("TCP data offset 2", 46, 0x20, -1)]
    [InlineData("TCP data offset 15", 46, 0xF0, -1)]
    public void Should_read_or_refuse_When_a_TCP_frame_carries_an_absurd_length(string what, int offset, int first, int second)
    {
        byte[] frame = TestFrames.TcpSyn();
        Patch(frame, offset, first, second);
        HostileInput.Survive(_directory.Write("tcp.pcap", CaptureFileBuilder.Pcap([new TestFrame(frame, Time(0)), .. Frames()])), what);
    }

    [Theory]
    [InlineData("UDP length 0", 0x00, 0x00)]
    [InlineData("UDP length 7", 0x00, 0x07)]
    [InlineData("UDP length 65535", 0xFF, 0xFF)]
    public void Should_read_or_refuse_When_a_UDP_datagram_carries_an_absurd_length(string what, int high, int low)
    {
        byte[] frame = TestFrames.UdpDatagram(DnsQuery());
        Patch(frame, 38, high, low);
        HostileInput.Survive(_directory.Write("udp.pcap", CaptureFileBuilder.Pcap([new TestFrame(frame, Time(0)), .. Frames()])), what);
    }

    [Fact]
    public void Should_skip_the_block_When_a_pcapng_file_holds_a_block_of_an_unknown_type()
    {
        byte[] file = CaptureFileBuilder.PcapNg(Frames());
        int firstPacket = FirstBlockOfType(file, 6);
        byte[] unknown = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(unknown, 0x0BAD_BEEF);
        BinaryPrimitives.WriteUInt32LittleEndian(unknown.AsSpan(4), 20);
        BinaryPrimitives.WriteUInt32LittleEndian(unknown.AsSpan(16), 20);

        string? refused = HostileInput.Survive(
            _directory.Write("unknown.pcapng", [.. file[..firstPacket], .. unknown, .. file[firstPacket..]]), "unknown pcapng block");

        Assert.Null(refused);
    }

    [Theory]
    [InlineData(0x7FFF_FFF0u)]
    [InlineData(0xFFFF_FFF0u)]
    [InlineData(8u)]
    public void Should_read_or_refuse_in_bounded_memory_When_a_pcapng_block_claims_an_absurd_length(uint length)
    {
        byte[] file = CaptureFileBuilder.PcapNg(Frames());
        int secondPacket = FirstBlockOfType(file, 6, skip: 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(secondPacket + 4), length);

        long before = GC.GetTotalMemory(forceFullCollection: true);
        HostileInput.Survive(_directory.Write("oversized.pcapng", file), $"pcapng block length {length}");
        AssertMemoryBounded(before);
    }

    [Fact]
    public void Should_refuse_with_one_line_When_a_gzip_file_has_a_valid_header_and_garbage_after_it()
    {
        byte[] garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        byte[] file = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, .. garbage];

        string? refused = HostileInput.Survive(_directory.Write("garbage.pcap.gz", file), "gzip with garbage deflate data");

        Assert.NotNull(refused);
        Assert.DoesNotContain('\n', refused);
    }

    [Fact]
    public void Should_read_or_refuse_every_prefix_When_a_gzip_compressed_capture_is_truncated()
    {
        byte[] gzip = CaptureFileBuilder.Gzip(File.ReadAllBytes(RepoPaths.Capture("good-nc-1.pcap")));
        Parallel.For(0, gzip.Length, Workers, length =>
            HostileInput.Survive(_directory.Write($"cut{length}.pcap.gz", gzip[..length]), $"gzip cut at {length}"));
    }

    [Fact]
    public void Should_report_the_caps_When_a_capture_has_more_flows_and_events_than_the_caps_allow()
    {
        // Six UDP flows; the first sends eight different DNS queries. Caps: three flows, four events per flow.
        var frames = new List<TestFrame>();
        for (int i = 0; i < 8; i++)
        {
            byte[] query = DnsQuery();
            query[1] = (byte)i;
            frames.Add(new TestFrame(TestFrames.UdpDatagram(query, 41000, 53), Time(i)));
        }

        for (ushort port = 1; port <= 5; port++)
        {
            frames.Add(new TestFrame(TestFrames.UdpDatagram([1, 2, 3], (ushort)(41000 + port), 9000), Time(10 + port)));
        }

        var options = new NormalizationOptions(MaxEventsPerFlow: 4, MaxFlows: 3);
        var loaded = RunLoader.Load(_directory.Write("many.pcap", CaptureFileBuilder.Pcap(frames)), null, options);
        var report = CaptureComparer.Compare(
            loaded with { Label = "good", Name = "many.pcap" },
            loaded with { Label = "bad", Name = "many.pcap" });
        string rendered = HostileInput.Render(report);

        Assert.True(loaded.Flows.FlowsCapped);
        Assert.Equal(3, loaded.Flows.Flows.Count);
        Assert.True(loaded.Flows.Flows[0].EventsCapped);
        Assert.Contains(report.Left.Warnings, w => w.Kind == RunWarningKind.FlowCapReached);
        Assert.Contains(report.Pairs[0].Notes, n => n.Contains("per-flow cap", StringComparison.Ordinal));
        Assert.Contains("more flows than the flow cap", rendered, StringComparison.Ordinal);
        Assert.Contains("per-flow cap", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_escape_every_control_character_and_markup_When_payloads_and_DNS_names_carry_them()
    {
        // A DNS query whose name holds an escape sequence, a C1 CSI, BEL and markup, and a datagram with the same.
        byte[] hostile = [0x1B, (byte)'[', (byte)'3', (byte)'1', (byte)'m', 0x9B, (byte)'2', (byte)'J', 0x07, .. "<script>'\"&"u8];
        byte[] query = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, (byte)hostile.Length, .. hostile, 0, 0, 1, 0, 1];
        var frames = new[]
        {
            new TestFrame(TestFrames.UdpDatagram(query), Time(0)),
            new TestFrame(TestFrames.UdpDatagram(hostile, 41002, 9000), Time(1)),
        };
        var loaded = RunLoader.Load(_directory.Write("hostile.pcap", CaptureFileBuilder.Pcap(frames)));
        var report = CaptureComparer.Compare(
            loaded with { Label = "good", Name = "hostile.pcap" },
            loaded with { Label = "bad", Name = "hostile.pcap" });

        using var text = new StringWriter();
        var view = ReportView.Of(report, new ReportOptions(ShowEqualFlows: true));
        new Rendering.Terminal.TextRenderer(new Rendering.Terminal.TerminalOptions()).Render(view, text);
        using var html = new StringWriter();
        new Rendering.Html.HtmlRenderer().Render(view, html);

        Assert.DoesNotContain(text.ToString(), c => (c < ' ' && c != '\n' && c != '\r') || c is >= '\u007f' and < '\u00a0');
        Assert.DoesNotContain(html.ToString(), c => c is '\u001b' or '\u0007' or '\u009b');
        Assert.DoesNotContain("<script", html.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<TestFrame> Frames() =>
    [
        new(TestFrames.TcpSyn(), Time(1)),
        new(TestFrames.UdpDatagram(DnsQuery()), Time(2)),
        new(TestFrames.TcpSyn(40002), Time(3)),
    ];

    private static byte[] DnsQuery() =>
        [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 4, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0, 0, 1, 0, 1];

    private static DateTime Time(int seconds) => new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);

    private static void Patch(byte[] frame, int offset, int first, int second)
    {
        frame[offset] = (byte)first;
        if (second >= 0)
        {
            frame[offset + 1] = (byte)second;
        }
    }

    private static int FirstBlockOfType(byte[] file, uint type, int skip = 0)
    {
        for (int offset = 0; offset + 8 <= file.Length;)
        {
            uint blockType = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            if (blockType == type && skip-- == 0)
            {
                return offset;
            }

            offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 4));
        }

        throw new InvalidOperationException($"no block of type {type}");
    }

    private static void AssertMemoryBounded(long before)
    {
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < MemoryBound, $"managed memory grew by {(after - before) / 1024 / 1024} MB");
    }
}
