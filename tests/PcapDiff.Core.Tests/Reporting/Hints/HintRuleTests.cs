using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting.Hints;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Reporting.Hints;

/// <summary>Single hint rules on flows written as <c>.flows</c> text: the shapes no committed capture shows.</summary>
public sealed class HintRuleTests
{
    [Fact]
    public void Should_name_the_subscription_When_an_mqtt_3_1_1_suback_carries_the_failure_code()
    {
        var flow = Flow("""
            flow TCP collector.test:1883
              C→S MQTT SUBSCRIBE pcd/secret qos1
              C→S DATA 17B
              S→C MQTT SUBACK failure
              S→C DATA 5B
            """);

        var hint = new MqttAckRefusedRule().Match(flow);

        Assert.NotNull(hint);
        Assert.Equal("mqtt-ack-refused", hint.Id);
        Assert.Equal("The MQTT broker refused the subscription: failure (0x80)", hint.Title);
        Assert.Contains(flow.Events.Single(e => e.Detail is MqttAckDetail { Type: MqttPacketType.Suback }).FirstFrame, hint.Frames);
    }

    [Fact]
    public void Should_give_no_hint_When_every_subscription_is_granted()
    {
        var flow = Flow("""
            flow TCP collector.test:1883
              C→S MQTT SUBSCRIBE pcd/test qos1
              S→C MQTT SUBACK qos1
            """);

        Assert.Null(new MqttAckRefusedRule().Match(flow));
    }

    [Theory]
    [InlineData("disconnect", false)]
    [InlineData("qos0", false)]
    [InlineData("qos1", true)]
    public void Should_call_the_server_silent_only_When_the_clients_last_message_asks_for_an_answer(string last, bool hinted)
    {
        byte[] message = last switch
        {
            "disconnect" => MqttWire.Disconnect(),
            "qos0" => MqttWire.Publish("pcd/test", "hello"u8.ToArray()),
            _ => MqttWire.Publish("pcd/test", "hello"u8.ToArray(), qos: 1),
        };
        var c = Conversation.Tcp("10.0.0.2", 40000, "10.0.0.1", 1883);
        byte[] connect = MqttWire.Connect("device");
        byte[] connack = MqttWire.Connack(0);
        uint client = 1001 + (uint)connect.Length;
        uint server = 5001 + (uint)connack.Length;
        c.Client(TcpFlags.Syn, seq: 1000);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, seq: 5000, ack: 1001);
        c.Client(TcpFlags.Ack, seq: 1001, ack: 5001);
        c.Segment(Direction.ClientToServer, TcpFlags.Psh | TcpFlags.Ack, 1001, 5001, connect);
        c.Segment(Direction.ServerToClient, TcpFlags.Psh | TcpFlags.Ack, 5001, client, connack);
        c.Segment(Direction.ClientToServer, TcpFlags.Psh | TcpFlags.Ack, client, server, message);
        c.Server(TcpFlags.Ack, seq: server, ack: client + (uint)message.Length);
        c.Server(TcpFlags.Fin | TcpFlags.Ack, seq: server, ack: client + (uint)message.Length);
        var flow = Assert.Single(c.Finish().Flows);

        var hint = new ServerSilentAfterDataRule().Match(flow);

        Assert.Equal(hinted, hint is { Id: "server-silent-after-data" });
    }

    private static Flow Flow(string body) =>
        Assert.Single(FlowsParser.Parse("pcapdiff flows 1\n" + body.Replace("\r", "", StringComparison.Ordinal) + "\n", "x.flows").Flows);
}
