namespace PcapDiff.Core.Model;

/// <summary>An MQTT PUBLISH: its topic, payload size and flags (never the payload).</summary>
internal sealed record MqttPublishDetail() : MqttDetail(MqttPacketType.Publish)
{
    /// <summary>The topic, escaped for display (cut with "…" when longer than shown); null when the packet names a topic alias instead.</summary>
    public string? Topic { get; init; }

    /// <summary>MQTT 5: the topic alias used instead of a topic name.</summary>
    public int? Alias { get; init; }

    /// <summary>The payload size; null when the head of a very long topic was all that was read.</summary>
    public long? PayloadBytes { get; init; }

    /// <summary>QoS 0, 1 or 2.</summary>
    public int Qos { get; init; }

    /// <summary>The retain flag.</summary>
    public bool Retain { get; init; }
}
