using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The broker answered a PUBLISH, SUBSCRIBE or UNSUBSCRIBE with a failure reason code.</summary>
internal sealed class MqttAckRefusedRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["mqtt-ack-refused"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var events = flow.Events;
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i].Detail is not MqttAckDetail { Type: MqttPacketType.Puback or MqttPacketType.Pubrec or MqttPacketType.Suback or MqttPacketType.Unsuback } ack
                || ack.Failures.FirstOrDefault() is not (>= 0x80 and var code))
            {
                continue;
            }

            var requestType = ack.Type switch
            {
                MqttPacketType.Suback => MqttPacketType.Subscribe,
                MqttPacketType.Unsuback => MqttPacketType.Unsubscribe,
                _ => MqttPacketType.Publish,
            };
            var request = events.Take(i).LastOrDefault(e => e.Detail is MqttDetail { Type: var t } && t == requestType);
            string cause = code switch
            {
                0x87 => "the broker's ACL does not let this client (its user name or client id) use that topic: compare the topic with the ACL file or the security plugin's roles",
                0x80 when ack.Type == MqttPacketType.Suback && !ack.V5 => "the broker refused the subscription (MQTT 3.1.1 says no more): usually an ACL that does not allow reading the topic filter",
                0x8F or 0x90 => "the topic name or filter is not valid (a wildcard in a PUBLISH topic, an empty level, a leading $ the broker reserves)",
                0x91 => "the packet identifier is already in use: the client reuses ids before their acknowledgment",
                0x97 => "the client exceeded a quota the broker enforces",
                0x99 => "the payload does not match the payload format it declares",
                0x9E => "the broker does not support shared subscriptions",
                0xA1 or 0xA2 => "the broker does not support the subscription features asked for (subscription ids, wildcards)",
                _ => "the broker refused the request",
            };
            string verb = requestType switch
            {
                MqttPacketType.Subscribe => "subscription",
                MqttPacketType.Unsubscribe => "unsubscribe",
                _ => "PUBLISH",
            };
            return Hint.From(
                "mqtt-ack-refused",
                $"The MQTT broker refused the {verb}: {MqttText.Code(ack, code)} (0x{code:x2})",
                $"The connection was accepted, but {cause}. The client may go on as if nothing happened (mosquitto_pub exits 0 after such a PUBACK), so only the capture shows it.",
                request is null ? [events[i]] : [request, events[i]]);
        }

        return null;
    }
}
