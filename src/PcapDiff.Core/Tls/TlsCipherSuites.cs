using System.Collections.Frozen;
using System.Security.Cryptography;

namespace PcapDiff.Core.Tls;

/// <summary>
/// The AEAD cipher suites whose records can be decrypted: every TLS 1.3 suite (RFC 8446 §B.4) and
/// the TLS 1.2 AES-GCM (RFC 5288, RFC 5289), ChaCha20-Poly1305 (RFC 7905) and AES-CCM (RFC 6655,
/// RFC 7251) suites with RSA, DHE or ECDHE key exchange. CBC, stream and PSK suites are not here.
/// </summary>
internal static class TlsCipherSuites
{
    private static readonly FrozenDictionary<ushort, TlsCipherSuite> ById = new TlsCipherSuite[]
    {
        Tls13(0x1301, "TLS_AES_128_GCM_SHA256", TlsAead.Gcm, 16, HashAlgorithmName.SHA256),
        Tls13(0x1302, "TLS_AES_256_GCM_SHA384", TlsAead.Gcm, 32, HashAlgorithmName.SHA384),
        Tls13(0x1303, "TLS_CHACHA20_POLY1305_SHA256", TlsAead.ChaCha20Poly1305, 32, HashAlgorithmName.SHA256),
        Tls13(0x1304, "TLS_AES_128_CCM_SHA256", TlsAead.Ccm, 16, HashAlgorithmName.SHA256),
        Tls13(0x1305, "TLS_AES_128_CCM_8_SHA256", TlsAead.Ccm8, 16, HashAlgorithmName.SHA256),

        Tls12(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", TlsAead.Gcm, 16, HashAlgorithmName.SHA256),
        Tls12(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384", TlsAead.Gcm, 32, HashAlgorithmName.SHA384),
        Tls12(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", TlsAead.Gcm, 16, HashAlgorithmName.SHA256),
        Tls12(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", TlsAead.Gcm, 32, HashAlgorithmName.SHA384),
        Tls12(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", TlsAead.Gcm, 16, HashAlgorithmName.SHA256),
        Tls12(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", TlsAead.Gcm, 32, HashAlgorithmName.SHA384),
        Tls12(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", TlsAead.Gcm, 16, HashAlgorithmName.SHA256),
        Tls12(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", TlsAead.Gcm, 32, HashAlgorithmName.SHA384),

        Tls12(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", TlsAead.ChaCha20Poly1305, 32, HashAlgorithmName.SHA256),
        Tls12(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", TlsAead.ChaCha20Poly1305, 32, HashAlgorithmName.SHA256),
        Tls12(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", TlsAead.ChaCha20Poly1305, 32, HashAlgorithmName.SHA256),

        // The CCM suites all use the SHA-256 PRF, the 256-bit ones included (RFC 6655 §3, RFC 7251 §2).
        Tls12(0xC09C, "TLS_RSA_WITH_AES_128_CCM", TlsAead.Ccm, 16, HashAlgorithmName.SHA256),
        Tls12(0xC09D, "TLS_RSA_WITH_AES_256_CCM", TlsAead.Ccm, 32, HashAlgorithmName.SHA256),
        Tls12(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM", TlsAead.Ccm, 16, HashAlgorithmName.SHA256),
        Tls12(0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM", TlsAead.Ccm, 32, HashAlgorithmName.SHA256),
        Tls12(0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8", TlsAead.Ccm8, 16, HashAlgorithmName.SHA256),
        Tls12(0xC0A1, "TLS_RSA_WITH_AES_256_CCM_8", TlsAead.Ccm8, 32, HashAlgorithmName.SHA256),
        Tls12(0xC0A2, "TLS_DHE_RSA_WITH_AES_128_CCM_8", TlsAead.Ccm8, 16, HashAlgorithmName.SHA256),
        Tls12(0xC0A3, "TLS_DHE_RSA_WITH_AES_256_CCM_8", TlsAead.Ccm8, 32, HashAlgorithmName.SHA256),
        Tls12(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", TlsAead.Ccm, 16, HashAlgorithmName.SHA256),
        Tls12(0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", TlsAead.Ccm, 32, HashAlgorithmName.SHA256),
        Tls12(0xC0AE, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", TlsAead.Ccm8, 16, HashAlgorithmName.SHA256),
        Tls12(0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", TlsAead.Ccm8, 32, HashAlgorithmName.SHA256),
    }.ToFrozenDictionary(s => s.Id);

    /// <summary>Every suite known here.</summary>
    public static IEnumerable<TlsCipherSuite> All => ById.Values;

    /// <summary>The suite with this number, or null for one this table lacks (CBC, GREASE, unassigned).</summary>
    public static TlsCipherSuite? Find(ushort id) => ById.GetValueOrDefault(id);

    private static TlsCipherSuite Tls13(ushort id, string name, TlsAead aead, int keyLength, HashAlgorithmName hash) =>
        new(id, name, aead, keyLength, hash, IsTls13: true);

    private static TlsCipherSuite Tls12(ushort id, string name, TlsAead aead, int keyLength, HashAlgorithmName hash) =>
        new(id, name, aead, keyLength, hash, IsTls13: false);
}
