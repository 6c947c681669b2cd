namespace PcapDiff.Core.Model;

/// <summary>A TLS message seen in the clear (or the fact that a record was encrypted).</summary>
/// <param name="Type">What the message is.</param>
internal sealed record TlsDetail(TlsMessageType Type) : EventDetail
{
    /// <summary>The TLS alert description <c>certificate_required</c> (RFC 8446).</summary>
    public const byte CertificateRequired = 116;

    /// <summary>The handshake message type Certificate.</summary>
    public const byte CertificateMessage = 11;

    /// <summary>The handshake message type CertificateRequest.</summary>
    public const byte CertificateRequestMessage = 13;

    /// <summary>For <see cref="TlsMessageType.Handshake"/>: the message type number.</summary>
    public byte? HandshakeType { get; init; }

    /// <summary>For <see cref="TlsMessageType.Handshake"/>: the message's name (<c>Certificate</c>, …).</summary>
    public string? HandshakeName { get; init; }

    /// <summary>A Certificate message seen in the clear whose certificate list is empty (a client that has no certificate to give).</summary>
    public bool NoCertificates { get; init; }

    /// <summary>A Certificate message that decryption revealed: how many certificates it holds (null when none, or not counted).</summary>
    public int? CertificateCount { get; init; }

    /// <summary>ClientHello: the server name (SNI), escaped for display.</summary>
    public string? ServerName { get; init; }

    /// <summary>ClientHello or ServerHello: the ALPN protocols, comma-separated, escaped for display.</summary>
    public string? Alpn { get; init; }

    /// <summary>ClientHello: the versions offered in supported_versions, as <c>1.3,1.2</c>.</summary>
    public string? OfferedVersions { get; init; }

    /// <summary>ServerHello: the version the server chose (from supported_versions when present); null when unreadable.</summary>
    public ushort? Version { get; init; }

    /// <summary>ServerHello: the cipher suite chosen; null when unreadable.</summary>
    public ushort? Cipher { get; init; }

    /// <summary>Alert: the level (1 warning, 2 fatal).</summary>
    public byte? AlertLevel { get; init; }

    /// <summary>Alert: the description (48 unknown_ca, …).</summary>
    public byte? AlertDescription { get; init; }

    /// <summary>True for a fatal alert seen in the clear.</summary>
    public bool IsFatalAlert => Type == TlsMessageType.Alert && AlertLevel == 2;

    /// <summary>True when this ServerHello chose TLS 1.3 (or a draft of it): everything after it is encrypted.</summary>
    public bool ChoseTls13 => Type == TlsMessageType.ServerHello && Version is 0x0304 or (>= 0x7f00 and <= 0x7fff);
}
