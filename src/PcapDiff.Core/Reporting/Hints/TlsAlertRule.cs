using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>A TLS handshake that ended in an alert seen in the clear.</summary>
internal sealed class TlsAlertRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["tls-alert"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var alert = flow.Events.FirstOrDefault(e => e.Detail is TlsDetail { IsFatalAlert: true });
        if (alert?.Detail is not TlsDetail { AlertDescription: { } description })
        {
            return null;
        }

        string name = TlsNames.Alert(description);
        string sender = EventPhrases.Actor(alert.Direction);
        string peer = alert.Direction == Direction.ClientToServer ? "server" : "client";
        string cause = name switch
        {
            "unknown_ca" or "bad_certificate" or "certificate_unknown" or "unsupported_certificate" =>
                $"the {sender} does not trust the {peer}'s certificate: it is self-signed or issued by a private CA missing from the {sender}'s trust store, "
                + $"the {peer} does not send the intermediate certificates, or the name does not match. Give the {sender} the right CA file, or fix the {peer}'s chain",
            "certificate_expired" => $"the {peer}'s certificate has expired (or the {sender}'s clock is wrong)",
            "certificate_revoked" => $"the {peer}'s certificate was revoked",
            "certificate_required" => $"the {sender} wants a client certificate and got none",
            "handshake_failure" or "insufficient_security" =>
                "the two sides share no cipher suite, group or signature algorithm they both accept, or a required client certificate is missing",
            "protocol_version" => "the two sides share no TLS version (e.g. a TLS 1.3-only server and a TLS 1.2 client)",
            "unrecognized_name" => $"the {sender} does not serve the name asked for in the SNI",
            "no_application_protocol" => "the two sides share no ALPN protocol (h2, http/1.1, …)",
            "decrypt_error" or "bad_record_mac" => "a key or signature did not check out: a wrong key, a broken middlebox, or a pre-shared key mismatch",
            "access_denied" => $"the {sender} refuses this peer",
            _ => $"the {sender} gave up on the handshake",
        };
        return Hint.From(
            "tls-alert",
            $"The {sender} ended the TLS handshake with the alert {name}",
            $"A fatal alert means {cause}.",
            alert);
    }
}
