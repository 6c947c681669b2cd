using System.Text;
using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Normalization;

/// <summary>The MQTT part of <see cref="EventText"/>: a control packet's words after <c>MQTT</c>.</summary>
internal static class MqttText
{
    public static void Append(StringBuilder text, MqttDetail mqtt)
    {
        text.Append(Name(mqtt.Type));
        switch (mqtt)
        {
            case { Malformed: true } and not MqttConnectDetail:
                text.Append(" (malformed)");
                break;
            case MqttConnectDetail connect:
                Connect(text, connect);
                break;
            case MqttConnackDetail connack:
                Connack(text, connack);
                break;
            case MqttPublishDetail publish:
                Publish(text, publish);
                break;
            case MqttSubscribeDetail subscribe:
                foreach (var filter in subscribe.Filters)
                {
                    text.Append(' ').Append(filter.Filter);
                    if (filter.Qos is { } qos)
                    {
                        text.Append(" qos").Append(qos);
                    }
                }

                More(text, subscribe.More);
                break;
            case MqttAckDetail ack:
                Codes(text, ack);
                break;
        }
    }

    /// <summary>The packet type as MQTT's specification spells it: CONNECT, PUBACK, …</summary>
    public static string Name(MqttPacketType type) => type.ToString().ToUpperInvariant();

    /// <summary>A reason or return code as the report words it: <c>not authorized (0x87)</c>, <c>failure</c>, <c>qos1</c>.</summary>
    public static string Code(MqttDetail packet, byte code) => packet.Type switch
    {
        MqttPacketType.Suback => code switch
        {
            <= 2 => $"qos{code}",
            0x80 => "failure",
            _ => packet.V5 ? Hyphenated(MqttReasons.ReasonOrCode(code)) : $"0x{code:x2}",
        },
        MqttPacketType.Unsuback => Hyphenated(MqttReasons.ReasonOrCode(code)),
        _ => MqttReasons.ReasonOrCode(code),
    };

    /// <summary>Why a CONNACK refused, as its text words it: <c>not authorized (5)</c>, <c>(0x9f)</c> when the code has no name.</summary>
    public static string Refusal(MqttConnackDetail connack)
    {
        string? name = connack.V5 ? MqttReasons.Reason(connack.Code) : MqttReasons.ConnectReturnCode(connack.Code);
        string number = connack.V5 ? $"0x{connack.Code:x2}" : connack.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name is null ? $"({number})" : $"{name} ({number})";
    }

    private static void Connect(StringBuilder text, MqttConnectDetail connect)
    {
        if (connect.ProtocolName is { } protocol)
        {
            text.Append(" protocol=").Append(protocol).Append(" level=").Append(connect.Level);
            return;
        }

        if (connect.Version is null || connect.Malformed)
        {
            text.Append(connect.Version is null ? " (malformed)" : $" {connect.Version} (malformed)");
            return;
        }

        text.Append(" client=").Append(connect.ClientId).Append(' ').Append(connect.Version);
        if (connect.HasUser)
        {
            text.Append(connect.User is { } user ? " user=" + user : " user");
        }

        if (connect.Clean)
        {
            text.Append(" clean");
        }

        if (connect.Will)
        {
            text.Append(" will");
        }
    }

    private static void Connack(StringBuilder text, MqttConnackDetail connack)
    {
        if (connack.Accepted)
        {
            text.Append(connack.SessionPresent ? " accepted session-present" : " accepted");
            return;
        }

        string refusal = Refusal(connack);
        text.Append(refusal.StartsWith('(') ? $" refused {refusal}" : $" refused: {refusal}");
    }

    private static void Publish(StringBuilder text, MqttPublishDetail publish)
    {
        text.Append(' ').Append(publish.Topic ?? $"alias={publish.Alias}");
        if (publish.PayloadBytes is { } bytes)
        {
            text.Append(' ').Append(bytes).Append('B');
        }

        text.Append(" qos").Append(publish.Qos).Append(publish.Retain ? " retain" : string.Empty);
    }

    private static void Codes(StringBuilder text, MqttAckDetail ack)
    {
        foreach (byte code in ack.Codes)
        {
            text.Append(' ').Append(Code(ack, code));
        }

        More(text, ack.More);
    }

    private static void More(StringBuilder text, bool more)
    {
        if (more)
        {
            text.Append(" …");
        }
    }

    private static string Hyphenated(string name) => name.Replace(' ', '-');
}
