namespace PcapDiff.Core.Model;

/// <summary>An MQTT CONNECT. Never holds the password.</summary>
internal sealed record MqttConnectDetail() : MqttDetail(MqttPacketType.Connect)
{
    /// <summary>The version asked for: <c>v3.1</c>, <c>v3.1.1</c> or <c>v5.0</c>; null for a protocol name or level no version has.</summary>
    public string? Version { get; init; }

    /// <summary>For an unknown protocol: its name, escaped for display.</summary>
    public string? ProtocolName { get; init; }

    /// <summary>For an unknown protocol: the level byte.</summary>
    public int? Level { get; init; }

    /// <summary>The client identifier, escaped for display (<c>""</c> when empty).</summary>
    public string? ClientId { get; init; }

    /// <summary>Whether the user-name flag is set.</summary>
    public bool HasUser { get; init; }

    /// <summary>The user name, escaped for display; null when the flag is unset or the name could not be read.</summary>
    public string? User { get; init; }

    /// <summary>The clean-session (clean-start) flag.</summary>
    public bool Clean { get; init; }

    /// <summary>Whether a will message is set.</summary>
    public bool Will { get; init; }
}
