using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>The detector judges by content first and falls back on the port only for a first segment too short to tell.</summary>
public sealed class AppDetectorTests
{
    private static readonly byte[] ClientHelloRecord =
        TlsWire.HandshakeRecord(TlsWire.Handshake(TlsWire.ClientHelloType, TlsWire.ClientHello("collector.test")));

    private static readonly byte[] ServerHelloRecord =
        TlsWire.HandshakeRecord(TlsWire.Handshake(TlsWire.ServerHelloType, TlsWire.ServerHello(TlsWire.Tls12, 0xc02f)));

    public static TheoryData<string, Direction, byte[], ushort, string?> Cases => new()
    {
        { "ClientHello on any port", Direction.ClientToServer, ClientHelloRecord, 5000, "TLS" },
        { "ServerHello seen first", Direction.ServerToClient, ServerHelloRecord, 5000, "TLS" },
        { "ClientHello with record version 1.0", Direction.ClientToServer, [0x16, 0x03, 0x01, 0x00, 0x40, 0x01], 5000, "TLS" },
        { "TLS record start, 443", Direction.ClientToServer, [0x16, 0x03, 0x01], 443, "TLS" },
        { "TLS record start, 8883 (MQTT over TLS)", Direction.ClientToServer, [0x16, 0x03], 8883, "TLS" },
        { "TLS record start, other port", Direction.ClientToServer, [0x16, 0x03, 0x01], 5000, null },
        { "application data on 443", Direction.ClientToServer, [0x17, 0x03, 0x03, 0x00, 0x10], 443, null },
        { "handshake record of another type", Direction.ClientToServer, [0x16, 0x03, 0x03, 0x00, 0x10, 0x0b], 443, null },
        { "SSLv2-style hello on 443", Direction.ClientToServer, [0x80, 0x2e, 0x01, 0x03, 0x01], 443, null },
        { "nothing yet, 443", Direction.ClientToServer, [], 443, "TLS" },
        { "nothing yet, 22", Direction.ClientToServer, [], 22, null },
        { "request line on any port", Direction.ClientToServer, "GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n"u8.ToArray(), 5000, "HTTP" },
        { "request line cut short, 8080", Direction.ClientToServer, "GET /very/long/pa"u8.ToArray(), 8080, "HTTP" },
        { "request line cut short, other port", Direction.ClientToServer, "GET /very/long/pa"u8.ToArray(), 5000, null },
        { "method cut short, 80", Direction.ClientToServer, "PO"u8.ToArray(), 80, "HTTP" },
        { "unknown method", Direction.ClientToServer, "FETCH / HTTP/1.1\r\n"u8.ToArray(), 80, null },
        { "HTTP/2 preface", Direction.ClientToServer, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(), 80, null },
        { "request line of HTTP/2.0", Direction.ClientToServer, "GET / HTTP/2.0\r\n"u8.ToArray(), 80, null },
        { "status line seen first", Direction.ServerToClient, "HTTP/1.1 200 OK\r\n"u8.ToArray(), 5000, "HTTP" },
        { "status line cut short, 8000", Direction.ServerToClient, "HTTP/1.1 2"u8.ToArray(), 8000, "HTTP" },
        { "SSH banner on 80", Direction.ServerToClient, "SSH-2.0-OpenSSH_9.2\r\n"u8.ToArray(), 80, null },
        { "MQTT 3.1.1 CONNECT", Direction.ClientToServer, MqttWire.Connect("c"), 5000, "MQTT" },
        { "MQTT 5 CONNECT", Direction.ClientToServer, MqttWire.Connect("c", level: 5), 5000, "MQTT" },
        { "MQTT 3.1 CONNECT", Direction.ClientToServer, MqttWire.Connect("c", level: 3), 5000, "MQTT" },
        { "CONNECT at an unknown level", Direction.ClientToServer, MqttWire.Connect("c", level: 6), 1883, null },
        { "CONNECT cut in its name, 1883", Direction.ClientToServer, [0x10, 0x10, 0x00, 0x04, 0x4d], 1883, "MQTT" },
        { "CONNECT cut in its name, other port", Direction.ClientToServer, [0x10, 0x10, 0x00, 0x04, 0x4d], 5000, null },
        { "CONNECT with another name", Direction.ClientToServer, [0x10, 0x10, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x58, 0x04], 1883, null },
        { "CONNACK seen first, 1883", Direction.ServerToClient, MqttWire.Connack(0), 1883, "MQTT" },
        { "PINGREQ on 1883", Direction.ClientToServer, MqttWire.PingReq(), 1883, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_pick_the_decoder_When_the_first_bytes_and_port_are_known(string name, Direction direction, byte[] firstBytes, ushort port, string? protocol)
    {
        var decoder = AppDetector.Detect(direction, firstBytes, port);

        Assert.True(protocol == decoder?.Protocol, $"{name}: expected {protocol ?? "none"}, got {decoder?.Protocol ?? "none"}");
    }

    [Fact]
    public void Should_detect_every_captured_connection_When_given_its_first_segment()
    {
        (Segment[] Segments, string Protocol)[] connections =
        [
            (CapturedStreams.Tls12UnknownCa, "TLS"), (CapturedStreams.Tls12Full, "TLS"), (CapturedStreams.Tls13, "TLS"),
            (CapturedStreams.HttpKeepAlive, "HTTP"), (CapturedStreams.Mqtt311Refused, "MQTT"), (CapturedStreams.Mqtt5Publish, "MQTT"),
            (CapturedStreams.Mqtt31Publish, "MQTT"),
        ];

        foreach (var (segments, protocol) in connections)
        {
            var first = segments[0];
            Assert.Equal(protocol, AppDetector.Detect(first.Direction, first.Bytes, 40000)?.Protocol);
        }
    }

    [Fact]
    public void Should_never_throw_When_the_first_bytes_are_random()
    {
        var random = new Random(20251126);
        ushort[] ports = [80, 443, 1883, 8883, 5000];
        byte[] buffer = new byte[64];
        int detected = 0;
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(buffer.Length + 1);
            random.NextBytes(buffer.AsSpan(0, length));
            if (length > 0 && random.Next(2) == 0)
            {
                buffer[0] = (byte)(random.Next(3) switch { 0 => 0x16, 1 => 0x10, _ => 'G' });
            }

            detected += AppDetector.Detect((Direction)random.Next(2), buffer.AsSpan(0, length), ports[random.Next(ports.Length)]) is null ? 0 : 1;
        }

        // Only the empty and the very short inputs on a known port may pass for a protocol.
        Assert.InRange(detected, 1, 600);
    }
}
