namespace PcapDiff.Core.Model;

/// <summary>An MQTT SUBSCRIBE or UNSUBSCRIBE: its topic filters.</summary>
/// <param name="Type"><see cref="MqttPacketType.Subscribe"/> or <see cref="MqttPacketType.Unsubscribe"/>.</param>
/// <param name="Filters">The filters listed (at most eight).</param>
/// <param name="More">True when the packet holds more filters than are listed.</param>
internal sealed record MqttSubscribeDetail(MqttPacketType Type, IReadOnlyList<MqttFilter> Filters, bool More) : MqttDetail(Type);
