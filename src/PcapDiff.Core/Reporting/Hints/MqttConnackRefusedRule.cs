using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The MQTT broker refused the CONNECT.</summary>
internal sealed class MqttConnackRefusedRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["mqtt-connack-refused"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var connack = flow.Events.FirstOrDefault(e => e.Detail is MqttConnackDetail { Accepted: false, Malformed: false });
        if (connack?.Detail is not MqttConnackDetail refused)
        {
            return null;
        }

        // MQTT 3.1.1 return codes (§3.2.2.3) and MQTT 5 reason codes (§3.2.2.2).
        string cause = (refused.V5, refused.Code) switch
        {
            (false, 4 or 5) or (true, 0x86 or 0x87 or 0x8C) =>
                "the broker did not accept the credentials: a wrong user name or password, a user missing from the broker's password file, "
                + "or an ACL that does not let this client connect",
            (false, 2) or (true, 0x85) => "the broker rejects the client id (empty, too long, or already in use and not allowed)",
            (false, 1) or (true, 0x84) => "the broker does not speak the MQTT version the client asked for",
            (false, 3) or (true, 0x88 or 0x89 or 0x8B) => "the broker is up but not serving (overloaded, starting or shutting down)",
            (true, 0x8A) => "the broker has banned this client",
            _ => "the broker refused the connection",
        };
        return Hint.From(
            "mqtt-connack-refused",
            $"The MQTT broker refused the connection: {MqttText.Refusal(refused)}",
            $"The TCP connection was fine, but {cause}. Compare the CONNECT of both runs (client id, user) and the broker's log.",
            flow.Events.Where(e => e.Detail is MqttConnectDetail).Take(1).Append(connack));
    }
}
