namespace PcapDiff.Core.Model;

/// <summary>MQTT control packet types (the high nibble of the fixed header's first byte).</summary>
internal enum MqttPacketType
{
    /// <summary>CONNECT.</summary>
    Connect = 1,

    /// <summary>CONNACK.</summary>
    Connack = 2,

    /// <summary>PUBLISH.</summary>
    Publish = 3,

    /// <summary>PUBACK.</summary>
    Puback = 4,

    /// <summary>PUBREC.</summary>
    Pubrec = 5,

    /// <summary>PUBREL.</summary>
    Pubrel = 6,

    /// <summary>PUBCOMP.</summary>
    Pubcomp = 7,

    /// <summary>SUBSCRIBE.</summary>
    Subscribe = 8,

    /// <summary>SUBACK.</summary>
    Suback = 9,

    /// <summary>UNSUBSCRIBE.</summary>
    Unsubscribe = 10,

    /// <summary>UNSUBACK.</summary>
    Unsuback = 11,

    /// <summary>PINGREQ.</summary>
    Pingreq = 12,

    /// <summary>PINGRESP.</summary>
    Pingresp = 13,

    /// <summary>DISCONNECT.</summary>
    Disconnect = 14,

    /// <summary>AUTH (MQTT 5).</summary>
    Auth = 15,
}
