using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>
/// TLS 1.3: the client answered the server's flight with its handshake and one short encrypted record
/// (an alert, hidden by the encryption), sent nothing more, and the connection closed: the client
/// rejected the server, most likely its certificate.
/// </summary>
internal sealed class Tls13HandshakeAbortedRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["tls13-handshake-aborted"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        if (TlsHandshakeShape.Of(flow) is not { } shape
            || TlsHandshakeShape.LastRecord(shape.ClientFlight) is not { IsShortEncrypted: true } alert
            || shape.DataAfter(Direction.ClientToServer).Any()
            || shape.DataAfter(Direction.ServerToClient).Any(d => !TlsHandshakeShape.OnlyShortRecords(d))
            || shape.Close is not { } close)
        {
            return null;
        }

        return Hint.From(
            "tls13-handshake-aborted",
            "The client gave up on the TLS 1.3 handshake: one short encrypted record, then the connection closed",
            $"After the server's certificate the client sent its last handshake flight ending in an encrypted record of {alert.Length} bytes, "
            + "the size of an alert, and no request. TLS 1.3 encrypts alerts, so the reason is hidden, but the usual ones are: the client "
            + "does not trust the server's certificate (self-signed, a private CA it lacks, a missing intermediate), the name it asked for "
            + "is not in the certificate (curl, for one, checks the name after the handshake and just closes), or the certificate has "
            + "expired. The client's own error message names it; with a key log (SSLKEYLOGFILE) Wireshark shows the alert.",
            shape.ServerFlight, shape.ClientFlight, close);
    }
}
