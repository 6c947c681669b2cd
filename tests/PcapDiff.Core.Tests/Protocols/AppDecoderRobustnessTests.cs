using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>
/// Properties every decoder keeps on every stream: the same messages however the bytes are split
/// into Feed calls, a prefix of them when the stream is cut, and on any garbage no exception, sane
/// single-line texts, plausibly few messages and memory that does not follow length fields.
/// </summary>
public sealed class AppDecoderRobustnessTests
{
    private static readonly Dictionary<string, (Func<AppDecoder> Create, Segment[] Segments)> Streams = new()
    {
        ["tls12"] = (() => new TlsDecoder(), TlsDecoderTests.Tls12Handshake()),
        ["tls13"] = (() => new TlsDecoder(), TlsDecoderTests.Tls13Handshake()),
        ["tls12-real-unknown-ca"] = (() => new TlsDecoder(), CapturedStreams.Tls12UnknownCa),
        ["tls12-real"] = (() => new TlsDecoder(), CapturedStreams.Tls12Full),
        ["tls13-real"] = (() => new TlsDecoder(), CapturedStreams.Tls13),
        ["http-content-length"] = (() => new HttpDecoder(), HttpDecoderTests.ContentLengthExchange()),
        ["http-pipelined"] = (() => new HttpDecoder(), HttpDecoderTests.Pipelined()),
        ["http-real"] = (() => new HttpDecoder(), CapturedStreams.HttpKeepAlive),
        ["mqtt311"] = (() => new MqttDecoder(), MqttDecoderTests.Session311()),
        ["mqtt5"] = (() => new MqttDecoder(), MqttDecoderTests.Session5()),
        ["mqtt311-real"] = (() => new MqttDecoder(), CapturedStreams.Mqtt311Subscriber),
        ["mqtt5-real"] = (() => new MqttDecoder(), CapturedStreams.Mqtt5Publish),
    };

    public static TheoryData<string> StreamNames => [.. Streams.Keys];

    [Theory]
    [MemberData(nameof(StreamNames))]
    public void Should_give_the_same_messages_When_fed_byte_by_byte(string name)
    {
        var (create, segments) = Streams[name];

        var whole = StreamScript.Run(create(), segments);
        var bytes = StreamScript.RunByteByByte(create(), segments);

        Assert.NotEmpty(whole);
        Assert.Equal(whole, bytes);
    }

    [Theory]
    [MemberData(nameof(StreamNames))]
    public void Should_give_the_same_messages_When_any_segment_is_cut_at_any_byte(string name)
    {
        var (create, segments) = Streams[name];
        var whole = StreamScript.Run(create(), segments);

        for (int i = 0; i < segments.Length; i++)
        {
            for (int cut = 1; cut < segments[i].Bytes.Length; cut++)
            {
                byte[] target = segments[i].Bytes;
                int at = cut;
                var found = StreamScript.Run(create(), segments, bytes => ReferenceEquals(bytes, target) ? [at, bytes.Length - at] : [bytes.Length]);

                Assert.Equal(whole, found);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StreamNames))]
    public void Should_report_a_prefix_of_the_messages_When_the_stream_is_cut_anywhere(string name)
    {
        var (create, segments) = Streams[name];
        var whole = StreamScript.Run(create(), segments);
        int total = segments.Sum(s => s.Bytes.Length);

        for (int cut = 0; cut <= total; cut++)
        {
            var decoder = create();
            var (before, after) = Cut(segments, cut);
            var found = StreamScript.Run(decoder, before);
            decoder.Gap(Direction.ClientToServer);
            decoder.Gap(Direction.ServerToClient);
            found.AddRange(Continue(decoder, before, after));

            Assert.Equal(whole.Take(found.Count), found);
        }
    }

    [Theory]
    [MemberData(nameof(StreamNames))]
    public void Should_stay_sane_When_a_valid_stream_is_damaged(string name)
    {
        var (create, segments) = Streams[name];
        var random = new Random(name.Sum(c => c));
        string protocol = create().Protocol;

        for (int round = 0; round < 250; round++)
        {
            Segment[] damaged = Damage(segments, random);
            var whole = StreamScript.Run(create(), damaged);
            int seed = random.Next();
            var split = StreamScript.Run(create(), damaged, bytes => RandomPieces(bytes.Length, new Random(seed ^ bytes.Length)));

            AssertSane(whole, protocol, damaged);
            Assert.Equal(whole, split);
        }
    }

    [Fact]
    public void Should_stay_sane_When_the_bytes_are_random()
    {
        var random = new Random(20251126);
        Func<AppDecoder>[] decoders = [() => new TlsDecoder(), () => new HttpDecoder(), () => new MqttDecoder()];
        byte[][] starts = [[0x16, 0x03, 0x03], [0x15, 0x03, 0x01, 0x00, 0x02], "GET / HTTP/1.1\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\n"u8.ToArray(), [0x10], [0x30], [0xc0, 0x00]];
        foreach (var create in decoders)
        {
            for (int i = 0; i < 2_000; i++)
            {
                var segments = new Segment[random.Next(1, 6)];
                for (int s = 0; s < segments.Length; s++)
                {
                    byte[] bytes = new byte[random.Next(0, 400)];
                    random.NextBytes(bytes);
                    byte[] start = starts[random.Next(starts.Length)];
                    if (random.Next(2) == 0 && bytes.Length >= start.Length)
                    {
                        start.CopyTo(bytes, 0);
                    }

                    segments[s] = new Segment((Direction)random.Next(2), bytes);
                }

                var decoder = create();
                AssertSane(StreamScript.Run(decoder, segments), decoder.Protocol, segments);
            }
        }
    }

    public static TheoryData<string> HugeLengthCases =>
    [
        "tls hello of 16 MB", "tls certificate of 16 MB", "http content-length", "http chunk size", "http endless header line",
        "mqtt publish of 256 MB", "mqtt connect of 256 MB",
    ];

    [Theory]
    [MemberData(nameof(HugeLengthCases))]
    public void Should_not_allocate_with_the_length_field_When_it_is_huge(string name)
    {
        // Run once to compile every path, then measure a second run.
        Feed(name);
        var (fed, allocated) = Feed(name);

        Assert.True(fed >= 16_000_000);
        Assert.True(allocated < 64 * 1024, $"{name}: {allocated} bytes allocated while {fed} bytes were fed");
    }

    /// <summary>
    /// Feeds a head whose length field is huge, then over 16 MB of what it announces; returns the bytes
    /// fed and the bytes the decoder allocated meanwhile (16 KB of head buffer at most, and its growth).
    /// </summary>
    private static (long Fed, long Allocated) Feed(string name)
    {
        byte[] zeros = new byte[65536];
        byte[] tlsRecord = [.. TlsWire.Record(TlsWire.HandshakeType, new byte[16384])];
        (AppDecoder Decoder, Direction Direction, byte[] Head, byte[] Unit, int Count) scenario = name switch
        {
            // A handshake record starting a ClientHello of 2^24-1 bytes, then full handshake records.
            "tls hello of 16 MB" => (new TlsDecoder(), Direction.ClientToServer, TlsWire.Record(TlsWire.HandshakeType, [0x01, 0xff, 0xff, 0xff]), tlsRecord, 1000),
            "tls certificate of 16 MB" => (new TlsDecoder(), Direction.ServerToClient, TlsWire.Record(TlsWire.HandshakeType, [0x0b, 0xff, 0xff, 0xff]), tlsRecord, 1000),
            "http content-length" => (new HttpDecoder(), Direction.ClientToServer, "POST / HTTP/1.1\r\nContent-Length: 999999999999999999\r\n\r\n"u8.ToArray(), zeros, 256),
            "http chunk size" => (new HttpDecoder(), Direction.ServerToClient, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\n"u8.ToArray(), zeros, 256),
            "http endless header line" => (new HttpDecoder(), Direction.ClientToServer, "GET / HTTP/1.1\r\nX-Long: "u8.ToArray(), Enumerable.Repeat((byte)'a', 65536).ToArray(), 256),
            "mqtt publish of 256 MB" => (new MqttDecoder(), Direction.ClientToServer, [0x30, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b'], zeros, 256),
            _ => (new MqttDecoder(), Direction.ClientToServer, [0x10, 0xff, 0xff, 0xff, 0x7f, .. MqttWire.String("MQTT"), 0x04, 0xc2, 0x00, 0x3c], zeros, 256),
        };

        var (decoder, direction, head, unit, count) = scenario;
        var found = new List<AppMessage>(16);
        long before = GC.GetAllocatedBytesForCurrentThread();
        decoder.Feed(direction, 0, head, found);
        long offset = head.Length;
        for (int i = 0; i < count; i++)
        {
            decoder.Feed(direction, offset, unit, found);
            offset += unit.Length;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(found.Count <= 1, string.Join(" | ", found));
        return (offset, allocated);
    }

    private static void AssertSane(List<Found> found, string protocol, Segment[] segments)
    {
        long[] fed = new long[2];
        foreach (var segment in segments)
        {
            fed[(int)segment.Direction] += segment.Bytes.Length;
        }

        // The shortest message of each protocol: a handshake header (TLS), "A / HTTP/1.1\n\n"
        // (HTTP), a PINGREQ (MQTT).
        int shortest = protocol switch { "TLS" => 4, "HTTP" => 14, _ => 2 };
        Assert.InRange(found.Count, 0, ((fed[0] + fed[1]) / shortest) + 2);
        long[] last = [-1, -1];
        foreach (var message in found)
        {
            int side = (int)message.Direction;
            Assert.StartsWith(protocol + " ", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(message.Text, char.IsControl);
            Assert.InRange(message.Text.Length, protocol.Length + 2, 1_000);
            Assert.InRange(message.Offset, last[side], fed[side] - 1);
            last[side] = message.Offset;
        }
    }

    /// <summary>The segments holding the first <paramref name="count"/> bytes, and the rest.</summary>
    private static (Segment[] Before, Segment[] After) Cut(Segment[] segments, int count)
    {
        var before = new List<Segment>();
        var after = new List<Segment>();
        foreach (var segment in segments)
        {
            int keep = Math.Clamp(count, 0, segment.Bytes.Length);
            count -= keep;
            if (keep > 0)
            {
                before.Add(segment with { Bytes = segment.Bytes[..keep] });
            }

            if (keep < segment.Bytes.Length)
            {
                after.Add(segment with { Bytes = segment.Bytes[keep..] });
            }
        }

        return ([.. before], [.. after]);
    }

    /// <summary>Feeds <paramref name="after"/> at the offsets that follow <paramref name="before"/>.</summary>
    private static List<Found> Continue(AppDecoder decoder, Segment[] before, Segment[] after)
    {
        long[] next = new long[2];
        foreach (var segment in before)
        {
            next[(int)segment.Direction] += segment.Bytes.Length;
        }

        var found = new List<Found>();
        var batch = new List<AppMessage>();
        foreach (var segment in after)
        {
            batch.Clear();
            decoder.Feed(segment.Direction, next[(int)segment.Direction], segment.Bytes, batch);
            next[(int)segment.Direction] += segment.Bytes.Length;
            found.AddRange(batch.Select(m => new Found(segment.Direction, m.Offset, m.Text)));
        }

        return found;
    }

    /// <summary>A copy with a few bytes overwritten, inserted or removed, and maybe the tail dropped.</summary>
    private static Segment[] Damage(Segment[] segments, Random random)
    {
        var damaged = segments.Select(s => s with { Bytes = [.. s.Bytes] }).ToArray();
        for (int change = random.Next(1, 5); change > 0; change--)
        {
            int which = random.Next(damaged.Length);
            var bytes = damaged[which].Bytes.ToList();
            int at = random.Next(bytes.Count + 1);
            byte value = random.Next(3) switch { 0 => 0, 1 => 0xff, _ => (byte)random.Next(256) };
            switch (random.Next(3))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                default:
                    if (at < bytes.Count)
                    {
                        bytes.RemoveAt(at);
                    }

                    break;
            }

            damaged[which] = damaged[which] with { Bytes = [.. bytes] };
        }

        return random.Next(4) == 0 ? damaged[..random.Next(1, damaged.Length + 1)] : damaged;
    }

    private static List<int> RandomPieces(int length, Random random)
    {
        var pieces = new List<int>();
        while (length > 0)
        {
            int piece = Math.Min(length, random.Next(1, 40));
            pieces.Add(piece);
            length -= piece;
        }

        return pieces;
    }
}
