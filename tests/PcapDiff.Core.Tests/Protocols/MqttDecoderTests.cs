using System.Text;
using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;
using PcapDiff.Core.Tests.Builders;
using static PcapDiff.Core.Tests.Builders.MqttWire;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>The MQTT decoder names every control packet of 3.1, 3.1.1 and 5.0 and never shows a password.</summary>
public sealed class MqttDecoderTests
{
    /// <summary>An MQTT 3.1.1 session: connect with user, password and will, subscribe, publish both ways, ping, unsubscribe, disconnect.</summary>
    internal static Segment[] Session311() =>
    [
        Segment.Client(Connect("pcd-device-1", user: "device", password: "s3cret", will: ("pcd/status", "offline"))),
        Segment.Server(Connack(0)),
        Segment.Client(Subscribe(1, null, ("pcd/test", 1), ("pcd/cmd/#", 0))),
        Segment.Server(Suback(1, null, 1, 0x80)),
        Segment.Client(Publish("pcd/test", "hello"u8.ToArray(), qos: 1, packetId: 2)),
        Segment.Server([.. Ack(4, 2), .. Publish("pcd/test", "hello"u8.ToArray(), qos: 2, retain: true, packetId: 9)]),
        Segment.Client(Ack(5, 9)),
        Segment.Server(Ack(6, 9)),
        Segment.Client([.. Ack(7, 9), .. PingReq()]),
        Segment.Server(PingResp()),
        Segment.Client(Unsubscribe(3, null, "pcd/test")),
        Segment.Server(Unsuback(3, null)),
        Segment.Client(Disconnect()),
    ];

    /// <summary>An MQTT 5 session: CONNECT with properties and will properties, a refusal, then a session with properties everywhere.</summary>
    internal static Segment[] Session5() =>
    [
        Segment.Client(Connect(
            "pcd-device-5",
            level: 5,
            user: "device",
            password: "wrong",
            clean: false,
            will: ("pcd/status", "gone"),
            properties: Properties(Property(SessionExpiry, 0, 0, 0, 60), Property(UserProperty, [.. String("lab"), .. String("pcd")])),
            willProperties: Properties(Property(ContentType, String("text/plain"))))),
        Segment.Server(Connack(0x86, properties: Properties(Property(ReasonString, String("denied at 10:05:04"))))),
        Segment.Client(Publish("pcd/test", new byte[5], qos: 1, properties: Properties(Property(ContentType, String("text/plain")), Property(TopicAlias, 0, 3)))),
        Segment.Client(Publish("", new byte[7], qos: 0, properties: Properties(Property(TopicAlias, 0, 3)))),
        Segment.Server(Ack(4, 1, 0x10, Properties())),
        Segment.Client(Subscribe(4, Properties(Property(0x0B, 7)), ("pcd/#", 0x2e))),
        Segment.Server(Suback(4, Properties(), 0x02, 0x87, 0x80)),
        Segment.Client(Unsubscribe(5, Properties(), "pcd/#", "x")),
        Segment.Server(Unsuback(5, Properties(), 0x00, 0x11)),
        Segment.Client(Auth(0x18, Properties(Property(0x15, String("SCRAM-SHA-1"))))),
        Segment.Server(Disconnect(0x8e, Properties())),
    ];

    [Fact]
    public void Should_name_every_packet_When_an_mqtt311_session_runs()
    {
        var found = StreamScript.Run(new MqttDecoder(), Session311());

        Assert.Equal(
            [
                "MQTT CONNECT client=pcd-device-1 v3.1.1 user=device clean will",
                "MQTT CONNACK accepted",
                "MQTT SUBSCRIBE pcd/test qos1 pcd/cmd/# qos0",
                "MQTT SUBACK qos1 failure",
                "MQTT PUBLISH pcd/test 5B qos1",
                "MQTT PUBACK",
                "MQTT PUBLISH pcd/test 5B qos2 retain",
                "MQTT PUBREC",
                "MQTT PUBREL",
                "MQTT PUBCOMP",
                "MQTT PINGREQ",
                "MQTT PINGRESP",
                "MQTT UNSUBSCRIBE pcd/test",
                "MQTT UNSUBACK",
                "MQTT DISCONNECT",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_read_past_the_properties_When_the_client_speaks_mqtt5()
    {
        var found = StreamScript.Run(new MqttDecoder(), Session5());

        Assert.Equal(
            [
                "MQTT CONNECT client=pcd-device-5 v5.0 user=device will",
                "MQTT CONNACK refused: bad user name or password (0x86)",
                "MQTT PUBLISH pcd/test 5B qos1",
                "MQTT PUBLISH alias=3 7B qos0",
                "MQTT PUBACK no matching subscribers",
                "MQTT SUBSCRIBE pcd/# qos2",
                "MQTT SUBACK qos2 not-authorized failure",
                "MQTT UNSUBSCRIBE pcd/# x",
                "MQTT UNSUBACK success no-subscription-existed",
                "MQTT AUTH continue authentication",
                "MQTT DISCONNECT session taken over",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_never_show_the_password_When_a_connect_carries_one()
    {
        byte[] connect = Connect("c", user: "device", password: "hunter2-secret");

        var text = Assert.Single(StreamScript.Run(new MqttDecoder(), [Segment.Client(connect)])).Text;

        Assert.Equal("MQTT CONNECT client=c v3.1.1 user=device clean", text);
        Assert.True(connect.AsSpan().IndexOf("hunter2-secret"u8) > 0);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "MQTT CONNACK refused: unacceptable protocol version (1)")]
    [InlineData(2, "MQTT CONNACK refused: identifier rejected (2)")]
    [InlineData(3, "MQTT CONNACK refused: server unavailable (3)")]
    [InlineData(4, "MQTT CONNACK refused: bad user name or password (4)")]
    [InlineData(5, "MQTT CONNACK refused: not authorized (5)")]
    [InlineData(9, "MQTT CONNACK refused (9)")]
    public void Should_name_the_return_code_When_an_mqtt311_connect_is_refused(byte code, string expected)
    {
        var found = StreamScript.Run(new MqttDecoder(), [Segment.Client(Connect("c")), Segment.Server(Connack(code))]);

        Assert.Equal(expected, found[^1].Text);
    }

    [Theory]
    [InlineData(0x80, "unspecified error")]
    [InlineData(0x84, "unsupported protocol version")]
    [InlineData(0x85, "client identifier not valid")]
    [InlineData(0x87, "not authorized")]
    [InlineData(0x88, "server unavailable")]
    [InlineData(0x89, "server busy")]
    [InlineData(0x8A, "banned")]
    [InlineData(0x8C, "bad authentication method")]
    [InlineData(0x90, "topic name invalid")]
    [InlineData(0x95, "packet too large")]
    [InlineData(0x97, "quota exceeded")]
    [InlineData(0x99, "payload format invalid")]
    [InlineData(0x9A, "retain not supported")]
    [InlineData(0x9B, "qos not supported")]
    [InlineData(0x9C, "use another server")]
    [InlineData(0x9D, "server moved")]
    [InlineData(0x9F, "connection rate exceeded")]
    public void Should_name_the_reason_When_an_mqtt5_connect_is_refused(byte code, string name)
    {
        var found = StreamScript.Run(new MqttDecoder(), [Segment.Client(Connect("c", level: 5)), Segment.Server(Connack(code, properties: Properties()))]);

        Assert.Equal($"MQTT CONNACK refused: {name} (0x{code:x2})", found[^1].Text);
    }

    [Fact]
    public void Should_report_session_present_When_the_broker_kept_the_session()
    {
        var found = StreamScript.Run(new MqttDecoder(), [Segment.Client(Connect("c", clean: false)), Segment.Server(Connack(0, sessionPresent: true))]);

        Assert.Equal(["MQTT CONNECT client=c v3.1.1", "MQTT CONNACK accepted session-present"], found.Texts());
    }

    [Fact]
    public void Should_name_a_large_publish_from_its_first_segment_When_the_payload_follows_later()
    {
        var decoder = new MqttDecoder();
        var found = new List<AppMessage>();
        byte[] publish = Publish("fw/image", new byte[3_000_000], qos: 1);

        decoder.Feed(Direction.ClientToServer, 0, publish.AsSpan(0, 20), found);
        Assert.Equal([(0, "MQTT PUBLISH fw/image 3000000B qos1")], found.Select(m => (m.Offset, m.Text)));

        decoder.Feed(Direction.ClientToServer, 20, publish.AsSpan(20), found);
        decoder.Feed(Direction.ClientToServer, publish.Length, PingReq(), found);
        Assert.Equal((publish.Length, "MQTT PINGREQ"), (found[^1].Offset, found[^1].Text));
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void Should_escape_and_cut_the_topic_When_it_holds_control_bytes()
    {
        string topic = "a/\n\u0007/" + new string('t', 100);

        var text = Assert.Single(StreamScript.Run(new MqttDecoder(), [Segment.Client(Publish(topic, [1]))])).Text;

        Assert.Equal($"MQTT PUBLISH a/\\n\\x07/{new string('t', 59)}… 1B qos0", text);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00 })]                         // type 0 is reserved
    [InlineData(new byte[] { 0x80, 0x00 })]                         // SUBSCRIBE must be flagged 0010
    [InlineData(new byte[] { 0x60, 0x00 })]                         // so must PUBREL
    [InlineData(new byte[] { 0x21, 0x02, 0x00, 0x00 })]             // and CONNACK 0000
    [InlineData(new byte[] { 0x36, 0x00 })]                         // PUBLISH with QoS 3
    [InlineData(new byte[] { 0xc0, 0xff, 0xff, 0xff, 0xff, 0x01 })] // a fifth remaining-length byte
    public void Should_stop_the_direction_When_a_fixed_header_is_invalid(byte[] bad)
    {
        Segment[] segments = [Segment.Client([.. PingReq(), .. bad, .. PingReq()]), Segment.Server(PingResp())];

        var found = StreamScript.Run(new MqttDecoder(), segments);

        Assert.Equal(["MQTT PINGREQ", "MQTT PINGRESP"], found.Texts());
    }

    [Fact]
    public void Should_decode_real_mosquitto_sessions_When_captured_on_loopback()
    {
        Assert.Equal(
            ["MQTT CONNECT client=pcd-device-1 v3.1.1 user=device clean", "MQTT CONNACK refused: not authorized (5)"],
            StreamScript.Run(new MqttDecoder(), CapturedStreams.Mqtt311Refused).Texts());
        Assert.Equal(
            [
                "MQTT CONNECT client=pcd-sub-1 v3.1.1 user=device clean",
                "MQTT CONNACK accepted",
                "MQTT SUBSCRIBE pcd/test qos1",
                "MQTT SUBACK qos1",
                "MQTT PUBLISH pcd/test 5B qos1",
                "MQTT PUBACK",
                "MQTT DISCONNECT",
            ],
            StreamScript.Run(new MqttDecoder(), CapturedStreams.Mqtt311Subscriber).Texts());
        Assert.Equal(
            ["MQTT CONNECT client=pcd-device-5 v5.0 user=device clean", "MQTT CONNACK refused: not authorized (0x87)"],
            StreamScript.Run(new MqttDecoder(), CapturedStreams.Mqtt5Refused).Texts());
        Assert.Equal(
            [
                "MQTT CONNECT client=pcd-device-5 v5.0 user=device clean",
                "MQTT CONNACK accepted",
                "MQTT PUBLISH pcd/test 5B qos1",
                "MQTT PUBACK no matching subscribers",
                "MQTT DISCONNECT",
            ],
            StreamScript.Run(new MqttDecoder(), CapturedStreams.Mqtt5Publish).Texts());
        Assert.Equal(
            ["MQTT CONNECT client=pcd-device-3 v3.1 user=device clean", "MQTT CONNACK accepted", "MQTT PUBLISH pcd/test 2B qos0", "MQTT DISCONNECT"],
            StreamScript.Run(new MqttDecoder(), CapturedStreams.Mqtt31Publish).Texts());
    }

    [Fact]
    public void Should_show_no_password_When_real_connects_carry_one()
    {
        Segment[][] sessions =
        [
            CapturedStreams.Mqtt311Refused, CapturedStreams.Mqtt311Subscriber, CapturedStreams.Mqtt5Refused,
            CapturedStreams.Mqtt5Publish, CapturedStreams.Mqtt31Publish,
        ];

        foreach (var session in sessions)
        {
            string wire = Encoding.Latin1.GetString([.. session.SelectMany(s => s.Bytes)]);
            Assert.True(wire.Contains("s3cret", StringComparison.Ordinal) || wire.Contains("wrong", StringComparison.Ordinal));
            foreach (string text in StreamScript.Run(new MqttDecoder(), session).Texts())
            {
                Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
                Assert.DoesNotContain("wrong", text, StringComparison.Ordinal);
            }
        }
    }
}
