namespace PcapDiff.Core.Model;

/// <summary>An MQTT CONNACK: the broker's answer to CONNECT.</summary>
/// <param name="Code">The return code (MQTT 3.1/3.1.1) or reason code (MQTT 5); 0 means accepted.</param>
/// <param name="SessionPresent">The session-present flag of an accepted connection.</param>
internal sealed record MqttConnackDetail(byte Code, bool SessionPresent) : MqttDetail(MqttPacketType.Connack)
{
    /// <summary>True when the broker accepted the connection.</summary>
    public bool Accepted => !Malformed && Code == 0;
}
