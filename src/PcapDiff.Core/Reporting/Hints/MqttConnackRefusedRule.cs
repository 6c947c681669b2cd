using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The MQTT broker refused the CONNECT.</summary>
public sealed class MqttConnackRefusedRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["mqtt-connack-refused"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        const string Refused = "CONNACK refused";
        var connack = flow.Events.FirstOrDefault(e => e.Kind == EventKind.Mqtt && EventPhrases.DetailOf(e).StartsWith(Refused, StringComparison.Ordinal));
        if (connack is null)
        {
            return null;
        }

        string reason = EventPhrases.DetailOf(connack)[Refused.Length..].TrimStart(':', ' ');
        string cause = reason switch
        {
            _ when reason.Contains("user name or password", StringComparison.Ordinal) || reason.Contains("not authorized", StringComparison.Ordinal)
                || reason.Contains("authentication", StringComparison.Ordinal) =>
                "the broker did not accept the credentials: a wrong user name or password, a user missing from the broker's password file, "
                + "or an ACL that does not let this client connect",
            _ when reason.Contains("identifier", StringComparison.Ordinal) => "the broker rejects the client id (empty, too long, or already in use and not allowed)",
            _ when reason.Contains("protocol version", StringComparison.Ordinal) => "the broker does not speak the MQTT version the client asked for",
            _ when reason.Contains("unavailable", StringComparison.Ordinal) || reason.Contains("busy", StringComparison.Ordinal) =>
                "the broker is up but not serving (overloaded, starting or shutting down)",
            _ when reason.Contains("banned", StringComparison.Ordinal) => "the broker has banned this client",
            _ => "the broker refused the connection",
        };
        return Hint.From(
            "mqtt-connack-refused",
            $"The MQTT broker refused the connection: {reason}",
            $"The TCP connection was fine, but {cause}. Compare the CONNECT of both runs (client id, user) and the broker's log.",
            flow.Events.Where(e => e.Kind == EventKind.Mqtt && EventPhrases.DetailOf(e).StartsWith("CONNECT ", StringComparison.Ordinal)).Take(1).Append(connack));
    }
}
