namespace PcapDiff.Core.Protocols;

/// <summary>Names from the TLS registries (RFC 5246, RFC 8446 and the IANA TLS parameters).</summary>
internal static class TlsNames
{
    /// <summary>A handshake message type's name; null for types no TLS version defines (a desynchronised stream).</summary>
    public static string? Handshake(byte type) => type switch
    {
        0 => "HelloRequest",
        1 => "ClientHello",
        2 => "ServerHello",
        3 => "HelloVerifyRequest",
        4 => "NewSessionTicket",
        5 => "EndOfEarlyData",
        8 => "EncryptedExtensions",
        11 => "Certificate",
        12 => "ServerKeyExchange",
        13 => "CertificateRequest",
        14 => "ServerHelloDone",
        15 => "CertificateVerify",
        16 => "ClientKeyExchange",
        20 => "Finished",
        21 => "CertificateUrl",
        22 => "CertificateStatus",
        23 => "SupplementalData",
        24 => "KeyUpdate",
        25 => "CompressedCertificate",
        254 => "MessageHash",
        _ => null,
    };

    /// <summary>An alert description's name, or its number when unknown.</summary>
    public static string Alert(byte description) => description switch
    {
        0 => "close_notify",
        10 => "unexpected_message",
        20 => "bad_record_mac",
        21 => "decryption_failed",
        22 => "record_overflow",
        30 => "decompression_failure",
        40 => "handshake_failure",
        41 => "no_certificate",
        42 => "bad_certificate",
        43 => "unsupported_certificate",
        44 => "certificate_revoked",
        45 => "certificate_expired",
        46 => "certificate_unknown",
        47 => "illegal_parameter",
        48 => "unknown_ca",
        49 => "access_denied",
        50 => "decode_error",
        51 => "decrypt_error",
        60 => "export_restriction",
        70 => "protocol_version",
        71 => "insufficient_security",
        80 => "internal_error",
        86 => "inappropriate_fallback",
        90 => "user_canceled",
        100 => "no_renegotiation",
        109 => "missing_extension",
        110 => "unsupported_extension",
        111 => "certificate_unobtainable",
        112 => "unrecognized_name",
        113 => "bad_certificate_status_response",
        114 => "bad_certificate_hash_value",
        115 => "unknown_psk_identity",
        116 => "certificate_required",
        120 => "no_application_protocol",
        121 => "ech_required",
        _ => $"alert {description}",
    };

    /// <summary>An alert level's name: warning, fatal, or its number.</summary>
    public static string AlertLevel(byte level) => level switch
    {
        1 => "warning",
        2 => "fatal",
        _ => $"level {level}",
    };

    /// <summary>A protocol version's short name: SSL3, 1.0 … 1.3, 1.3-draft28, or its hex value.</summary>
    public static string Version(ushort version) => version switch
    {
        0x0300 => "SSL3",
        0x0301 => "1.0",
        0x0302 => "1.1",
        0x0303 => "1.2",
        0x0304 => "1.3",
        >= 0x7f00 and <= 0x7fff => $"1.3-draft{version & 0xff}",
        _ => $"0x{version:x4}",
    };

    /// <summary>True for RFC 8701 GREASE values (0x0a0a, 0x1a1a, …), which clients pick at random per connection.</summary>
    public static bool IsGrease(ushort value) => (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
}
