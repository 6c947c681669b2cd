using System.Security.Cryptography;

namespace PcapDiff.Core.Tls;

/// <summary>What record decryption needs to know of one AEAD cipher suite.</summary>
/// <param name="Id">The suite's number in the IANA TLS Cipher Suites registry.</param>
/// <param name="Name">The registry's name, <c>TLS_AES_128_GCM_SHA256</c>.</param>
/// <param name="Aead">The record protection.</param>
/// <param name="KeyLength">Bytes of one direction's write key: 16 or 32.</param>
/// <param name="Hash">
/// The hash of the key schedule: HKDF's in TLS 1.3, the PRF's (P_SHA256 or P_SHA384) in TLS 1.2.
/// </param>
/// <param name="IsTls13">A TLS 1.3 suite (RFC 8446 §B.4), which names no key exchange.</param>
internal sealed record TlsCipherSuite(ushort Id, string Name, TlsAead Aead, int KeyLength, HashAlgorithmName Hash, bool IsTls13)
{
    /// <summary>Bytes of the hash output: 48 for SHA-384, 32 for SHA-256. TLS 1.3 secrets have this length.</summary>
    public int HashLength => Hash == HashAlgorithmName.SHA384 ? 48 : 32;

    /// <summary>Bytes of the authentication tag at the end of each record: 8 for CCM_8, 16 otherwise.</summary>
    public int TagLength => Aead == TlsAead.Ccm8 ? 8 : 16;

    /// <summary>
    /// Bytes of the per-direction IV the key schedule gives: 12 in TLS 1.3 (RFC 8446 §5.3) and for
    /// TLS 1.2 ChaCha20-Poly1305 (RFC 7905 §2); 4, the fixed part of the nonce, for TLS 1.2 GCM and
    /// CCM (RFC 5288 §3, RFC 6655 §3).
    /// </summary>
    public int IvLength => IsTls13 || Aead == TlsAead.ChaCha20Poly1305 ? 12 : 4;

    /// <summary>
    /// Bytes of the nonce each record carries in front of its ciphertext: 8 for TLS 1.2 GCM and CCM
    /// (the nonce_explicit), none for TLS 1.3 and ChaCha20-Poly1305, whose nonce is the IV XOR the
    /// sequence number.
    /// </summary>
    public int ExplicitNonceLength => IvLength == 4 ? 8 : 0;
}
