namespace PcapDiff.Core.Model;

/// <summary>One topic filter of an MQTT SUBSCRIBE or UNSUBSCRIBE.</summary>
/// <param name="Filter">The filter, escaped for display.</param>
/// <param name="Qos">The maximum QoS asked for (SUBSCRIBE); null for UNSUBSCRIBE.</param>
internal sealed record MqttFilter(string Filter, int? Qos);
