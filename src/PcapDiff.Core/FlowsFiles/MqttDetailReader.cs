using System.Globalization;
using System.Text.RegularExpressions;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>Reads the detail of an MQTT event on a <c>.flows</c> line back into an <see cref="MqttDetail"/>.</summary>
internal static partial class MqttDetailReader
{
    /// <summary>An MQTT packet's detail; null when it is not in the form the writer makes.</summary>
    public static MqttDetail? Read(string rest)
    {
        string[] parts = rest.Split(' ');
        if (!Enum.TryParse<MqttPacketType>(parts[0], ignoreCase: true, out var type) || MqttText.Name(type) != parts[0])
        {
            return null;
        }

        switch (type)
        {
            case MqttPacketType.Connack:
                if (rest == "CONNACK accepted" || rest == "CONNACK accepted session-present")
                {
                    return new MqttConnackDetail(0, rest.EndsWith("present", StringComparison.Ordinal));
                }

                var refused = RefusedPattern().Match(rest);
                if (!refused.Success)
                {
                    return null;
                }

                string number = refused.Groups["number"].Value;
                bool v5 = number.StartsWith("0x", StringComparison.Ordinal);
                return byte.TryParse(v5 ? number[2..] : number, v5 ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out byte code)
                    ? new MqttConnackDetail(code, false) { V5 = v5 }
                    : null;
            case MqttPacketType.Puback or MqttPacketType.Pubrec or MqttPacketType.Pubrel or MqttPacketType.Pubcomp or MqttPacketType.Disconnect or MqttPacketType.Auth:
                if (parts.Length == 1)
                {
                    return new MqttAckDetail(type, [], false);
                }

                return ByteNames.Find(rest[(parts[0].Length + 1)..], c => MqttReasons.ReasonOrCode(c)) is { } reason
                    ? new MqttAckDetail(type, [reason], false) { V5 = true }
                    : null;
            case MqttPacketType.Pingreq or MqttPacketType.Pingresp:
                return parts.Length == 1 ? new MqttAckDetail(type, [], false) : null;
            case MqttPacketType.Suback or MqttPacketType.Unsuback:
                return Acks(type, parts);
            default:
                return null;
        }
    }

    /// <summary>SUBACK and UNSUBACK codes; MQTT 5 when any code is named only by MQTT 5.</summary>
    private static MqttAckDetail? Acks(MqttPacketType type, string[] parts)
    {
        bool more = parts[^1] == "…";
        var tokens = parts.AsSpan(1, parts.Length - 1 - (more ? 1 : 0));
        foreach (bool v5 in (bool[])[false, true])
        {
            var probe = new MqttAckDetail(type, [], more) { V5 = v5 };
            var codes = new List<byte>();
            foreach (string token in tokens)
            {
                if (ByteNames.Find(token, c => MqttText.Code(probe, c)) is not { } code)
                {
                    break;
                }

                codes.Add(code);
            }

            if (codes.Count == tokens.Length)
            {
                return probe with { Codes = codes };
            }
        }

        return null;
    }

    [GeneratedRegex(@"^CONNACK refused(?:: .+)? \((?<number>0x[0-9a-f]{2}|[0-9]+)\)$")]
    private static partial Regex RefusedPattern();
}
