using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>
/// The server wants a client certificate and the client has none to give: in TLS 1.2 an empty
/// Certificate after the server's CertificateRequest; in TLS 1.3 (encrypted) the server's single short
/// record, right after the client's handshake, and its close.
/// </summary>
internal sealed class TlsClientCertificateMissingRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["tls-client-certificate-missing"];

    /// <inheritdoc />
    public IReadOnlyList<string> Supersedes { get; } = ["tls-alert"];

    /// <inheritdoc />
    public Hint? Match(Flow flow) => Tls12(flow) ?? Tls13(flow);

    private static Hint? Tls12(Flow flow)
    {
        var request = flow.Events.FirstOrDefault(e => e is { Direction: Direction.ServerToClient, Detail: TlsDetail { HandshakeType: TlsDetail.CertificateRequestMessage } });
        var empty = flow.Events.FirstOrDefault(e => e is { Direction: Direction.ClientToServer, Detail: TlsDetail { NoCertificates: true } });
        if (request is null || empty is null)
        {
            return null;
        }

        var answer = flow.Events.SkipWhile(e => !ReferenceEquals(e, empty))
            .FirstOrDefault(e => e.Direction == Direction.ServerToClient && (e.Detail is TlsDetail { IsFatalAlert: true } || EventPhrases.IsClose(e)));
        return Hint.From(
            "tls-client-certificate-missing",
            "The server asked for a client certificate and the client sent none",
            "The server's CertificateRequest asks the client to prove who it is; the client answered with an empty Certificate message, "
            + "so it has no certificate configured (or none signed by a CA the server names), and the server refused the handshake. "
            + "Give the client its certificate and key (curl --cert/--key, the MQTT client's certfile/keyfile) or make client authentication optional on the server.",
            answer is null ? [request, empty] : [request, empty, answer]);
    }

    private static Hint? Tls13(Flow flow)
    {
        if (TlsHandshakeShape.Of(flow) is not { } shape
            || TlsHandshakeShape.LastRecord(shape.ClientFlight) is { IsShortEncrypted: true }
            || shape.DataAfter(Direction.ServerToClient).FirstOrDefault() is not { } refusal
            || !TlsHandshakeShape.OnlyShortRecords(refusal)
            || shape.Close is not { Direction: Direction.ServerToClient } close)
        {
            return null;
        }

        return Hint.From(
            "tls-client-certificate-missing",
            "The server ended the TLS 1.3 handshake right after the client's Finished",
            $"The server answered the client's handshake with one encrypted record of {refusal.Records[0].Length} bytes, the size of an alert, "
            + "and closed before any application data. TLS 1.3 encrypts the alert, but a server that refuses only once it has the client's "
            + "Finished is checking the client: it requires a client certificate that the client did not send (certificate_required), or "
            + "does not accept the one it sent (bad_certificate, unknown_ca). Give the client its certificate and key, signed by a CA the server trusts.",
            shape.ClientFlight, refusal, close);
    }
}
