using System.Security.Cryptography;

namespace PcapDiff.Core.Tls;

/// <summary>
/// One AEAD key of a cipher suite, over the System.Security.Cryptography class for its algorithm
/// (AesGcm, AesCcm, ChaCha20Poly1305), with a decryption that says whether the record authenticated
/// instead of throwing.
/// </summary>
internal sealed class TlsAeadCipher : IDisposable
{
    private readonly AesGcm? _gcm;
    private readonly AesCcm? _ccm;
    private readonly ChaCha20Poly1305? _chaCha;

    private TlsAeadCipher(AesGcm? gcm, AesCcm? ccm, ChaCha20Poly1305? chaCha)
    {
        _gcm = gcm;
        _ccm = ccm;
        _chaCha = chaCha;
    }

    /// <summary>
    /// A cipher for <paramref name="key"/>; null when the key has the wrong length for the suite or
    /// this platform's cryptography lacks the algorithm (<c>AesCcm.IsSupported</c> and the like).
    /// </summary>
    public static TlsAeadCipher? Create(TlsCipherSuite suite, ReadOnlySpan<byte> key)
    {
        if (key.Length != suite.KeyLength)
        {
            return null;
        }

        return suite.Aead switch
        {
            TlsAead.Gcm when AesGcm.IsSupported => new TlsAeadCipher(new AesGcm(key, suite.TagLength), null, null),
            TlsAead.Ccm or TlsAead.Ccm8 when AesCcm.IsSupported => new TlsAeadCipher(null, new AesCcm(key), null),
            TlsAead.ChaCha20Poly1305 when ChaCha20Poly1305.IsSupported => new TlsAeadCipher(null, null, new ChaCha20Poly1305(key)),
            _ => null,
        };
    }

    /// <summary>
    /// Decrypts <paramref name="ciphertext"/> into <paramref name="plaintext"/> (of the same length)
    /// if <paramref name="tag"/> authenticates it and <paramref name="associatedData"/>; false, with
    /// <paramref name="plaintext"/> cleared, if it does not.
    /// </summary>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        try
        {
            if (_gcm is not null)
            {
                _gcm.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            }
            else if (_ccm is not null)
            {
                _ccm.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            }
            else
            {
                _chaCha!.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            }

            return true;
        }
        catch (CryptographicException)
        {
            // AuthenticationTagMismatchException: wrong keys, wrong sequence number or damaged bytes.
            return false;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _gcm?.Dispose();
        _ccm?.Dispose();
        _chaCha?.Dispose();
    }
}
