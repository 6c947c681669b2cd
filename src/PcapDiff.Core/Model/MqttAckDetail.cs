namespace PcapDiff.Core.Model;

/// <summary>
/// An MQTT packet that answers or ends something and may carry reason codes: PUBACK, PUBREC, PUBREL,
/// PUBCOMP, SUBACK, UNSUBACK, DISCONNECT, AUTH, and the codeless PINGREQ and PINGRESP.
/// </summary>
/// <param name="Type">The packet type.</param>
/// <param name="Codes">
/// Its reason codes as carried: SUBACK's return codes (one per filter; 0–2 the granted QoS, 0x80 failure),
/// MQTT 5's reason codes; empty where the packet has none (MQTT 3.1.1 PUBACK, a success without a code).
/// At most eight are kept.
/// </param>
/// <param name="More">True when the packet holds more codes than are kept.</param>
internal sealed record MqttAckDetail(MqttPacketType Type, IReadOnlyList<byte> Codes, bool More) : MqttDetail(Type)
{
    /// <summary>The codes that mean failure: 0x80 and above (MQTT 5 reason codes, and SUBACK's 0x80 in every version).</summary>
    public IEnumerable<byte> Failures => Codes.Where(c => c >= 0x80);
}
