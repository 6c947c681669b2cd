using System.Text;

namespace PcapDiff.Core.Tls;

/// <summary>
/// The secrets a key log holds for one client_random: the TLS 1.2 master secret, or the TLS 1.3
/// traffic secrets. Each is null when no line gave it. <see cref="ToString"/> names only which are
/// present, never their bytes.
/// </summary>
internal sealed record TlsSessionSecrets
{
    /// <summary>The 48-byte TLS 1.2 (or 1.0/1.1) master secret, from a CLIENT_RANDOM line.</summary>
    public byte[]? MasterSecret { get; init; }

    /// <summary>TLS 1.3 client_handshake_traffic_secret (CLIENT_HANDSHAKE_TRAFFIC_SECRET).</summary>
    public byte[]? ClientHandshakeTrafficSecret { get; init; }

    /// <summary>TLS 1.3 server_handshake_traffic_secret (SERVER_HANDSHAKE_TRAFFIC_SECRET).</summary>
    public byte[]? ServerHandshakeTrafficSecret { get; init; }

    /// <summary>TLS 1.3 client_application_traffic_secret_0 (CLIENT_TRAFFIC_SECRET_0).</summary>
    public byte[]? ClientTrafficSecret0 { get; init; }

    /// <summary>TLS 1.3 server_application_traffic_secret_0 (SERVER_TRAFFIC_SECRET_0).</summary>
    public byte[]? ServerTrafficSecret0 { get; init; }

    /// <summary>These secrets with every one that <paramref name="later"/> has put in place of this one's.</summary>
    public TlsSessionSecrets Merge(TlsSessionSecrets later) => new()
    {
        MasterSecret = later.MasterSecret ?? MasterSecret,
        ClientHandshakeTrafficSecret = later.ClientHandshakeTrafficSecret ?? ClientHandshakeTrafficSecret,
        ServerHandshakeTrafficSecret = later.ServerHandshakeTrafficSecret ?? ServerHandshakeTrafficSecret,
        ClientTrafficSecret0 = later.ClientTrafficSecret0 ?? ClientTrafficSecret0,
        ServerTrafficSecret0 = later.ServerTrafficSecret0 ?? ServerTrafficSecret0,
    };

    /// <summary>The key log labels of the secrets present, <c>TlsSessionSecrets { CLIENT_RANDOM }</c>; no secret bytes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("TlsSessionSecrets {");
        Append(text, MasterSecret, TlsKeyLog.ClientRandomLabel);
        Append(text, ClientHandshakeTrafficSecret, TlsKeyLog.ClientHandshakeLabel);
        Append(text, ServerHandshakeTrafficSecret, TlsKeyLog.ServerHandshakeLabel);
        Append(text, ClientTrafficSecret0, TlsKeyLog.ClientTrafficLabel);
        Append(text, ServerTrafficSecret0, TlsKeyLog.ServerTrafficLabel);
        return text.Append(" }").ToString();
    }

    private static void Append(StringBuilder text, byte[]? secret, string label)
    {
        if (secret is not null)
        {
            text.Append(' ').Append(label);
        }
    }
}
