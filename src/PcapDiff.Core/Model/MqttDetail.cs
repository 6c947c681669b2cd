namespace PcapDiff.Core.Model;

/// <summary>An MQTT control packet (MQTT 3.1, 3.1.1 or 5.0). Packet ids, passwords and payload bytes are never kept.</summary>
/// <param name="Type">The packet type.</param>
internal abstract record MqttDetail(MqttPacketType Type) : EventDetail
{
    /// <summary>True when the packet could not be read as its type says.</summary>
    public bool Malformed { get; init; }

    /// <summary>True when the connection speaks MQTT 5 (reason codes are then MQTT 5's).</summary>
    public bool V5 { get; init; }
}
