namespace PcapDiff.Core.Tls;

/// <summary>
/// The logged secrets of one TLS session. <see cref="ToString"/> says which are present and never
/// what they are, so no report, log or exception message can carry key material.
/// </summary>
internal sealed record TlsSessionSecrets
{
    /// <summary>No secret: a line of a label pcapdiff does not need.</summary>
    public static TlsSessionSecrets None { get; } = new();

    /// <summary>TLS 1.2 and earlier: the 48-byte master secret (<c>CLIENT_RANDOM</c>).</summary>
    public byte[]? MasterSecret { get; init; }

    /// <summary>TLS 1.3: <c>CLIENT_HANDSHAKE_TRAFFIC_SECRET</c>.</summary>
    public byte[]? ClientHandshakeTrafficSecret { get; init; }

    /// <summary>TLS 1.3: <c>SERVER_HANDSHAKE_TRAFFIC_SECRET</c>.</summary>
    public byte[]? ServerHandshakeTrafficSecret { get; init; }

    /// <summary>TLS 1.3: <c>CLIENT_TRAFFIC_SECRET_0</c>.</summary>
    public byte[]? ClientTrafficSecret0 { get; init; }

    /// <summary>TLS 1.3: <c>SERVER_TRAFFIC_SECRET_0</c>.</summary>
    public byte[]? ServerTrafficSecret0 { get; init; }

    /// <summary>These secrets, with those <paramref name="other"/> has replacing them.</summary>
    public TlsSessionSecrets With(TlsSessionSecrets other) => new()
    {
        MasterSecret = other.MasterSecret ?? MasterSecret,
        ClientHandshakeTrafficSecret = other.ClientHandshakeTrafficSecret ?? ClientHandshakeTrafficSecret,
        ServerHandshakeTrafficSecret = other.ServerHandshakeTrafficSecret ?? ServerHandshakeTrafficSecret,
        ClientTrafficSecret0 = other.ClientTrafficSecret0 ?? ClientTrafficSecret0,
        ServerTrafficSecret0 = other.ServerTrafficSecret0 ?? ServerTrafficSecret0,
    };

    /// <summary>Which secrets are present, never their values: <c>TLS secrets: master secret</c>.</summary>
    public override string ToString()
    {
        var present = new List<string>();
        Add(present, MasterSecret, "master secret");
        Add(present, ClientHandshakeTrafficSecret, "client handshake");
        Add(present, ServerHandshakeTrafficSecret, "server handshake");
        Add(present, ClientTrafficSecret0, "client traffic");
        Add(present, ServerTrafficSecret0, "server traffic");
        return $"TLS secrets: {(present.Count == 0 ? "none" : string.Join(", ", present))}";
    }

    private static void Add(List<string> present, byte[]? secret, string name)
    {
        if (secret is not null)
        {
            present.Add(name);
        }
    }
}
