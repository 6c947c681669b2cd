namespace PcapDiff.Core.Tls;

/// <summary>The AEAD algorithm of a cipher suite: what protects its records.</summary>
internal enum TlsAead
{
    /// <summary>AES in Galois/Counter Mode, 16-byte tag (RFC 5116, RFC 5288).</summary>
    Gcm,

    /// <summary>AES in Counter with CBC-MAC mode, 16-byte tag (RFC 6655).</summary>
    Ccm,

    /// <summary>AES-CCM with an 8-byte tag (RFC 6655 AES_*_CCM_8).</summary>
    Ccm8,

    /// <summary>ChaCha20 with Poly1305, 16-byte tag (RFC 8439, RFC 7905).</summary>
    ChaCha20Poly1305,
}
