using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PcapDiff.Core.Tls;

/// <summary>
/// Decrypts the protected records of one direction of one connection, in order, keeping the 64-bit
/// record sequence number that goes into each nonce: TLS 1.3 records (RFC 8446 §5.2–5.3) from a
/// traffic secret, TLS 1.2 AEAD records (RFC 5246 §6.2.3.3; RFC 5288, RFC 6655, RFC 7905) from a
/// write key and IV. A TLS 1.3 connection needs one per direction and key epoch: the handshake
/// secret's, then the application secret's, which <see cref="KeyUpdate"/> moves on.
/// </summary>
/// <remarks>
/// The sequence number advances only on a record that authenticates, as in Wireshark
/// (packet-tls-utils.c, tls_decrypt_aead_record). A record that fails to authenticate was not
/// protected under these keys at this number (wrong keys, a record of another epoch such as 0-RTT
/// data when the early secret is not logged, or damaged bytes), so it is left out of the count and
/// the next record is tried at the same number. Once records keep failing the keys are wrong, and
/// the caller stops decrypting that direction. Nothing here throws on any input bytes. Not thread-safe.
/// </remarks>
internal sealed class TlsRecordDecryptor : IDisposable
{
    /// <summary>The record type of every TLS 1.3 protected record and of TLS application data.</summary>
    public const byte ApplicationDataType = 23;

    private const int RecordHeaderLength = 5;
    private const int Tls12AssociatedDataLength = 13;
    private const int NonceLength = 12;

    private readonly TlsCipherSuite _suite;
    private TlsAeadCipher _cipher;
    private byte[] _iv;

    /// <summary>The current TLS 1.3 traffic secret; null for TLS 1.2.</summary>
    private byte[]? _trafficSecret;

    private TlsRecordDecryptor(TlsCipherSuite suite, TlsAeadCipher cipher, byte[] iv, byte[]? trafficSecret)
    {
        _suite = suite;
        _cipher = cipher;
        _iv = iv;
        _trafficSecret = trafficSecret;
    }

    /// <summary>The suite whose records this decrypts.</summary>
    public TlsCipherSuite Suite => _suite;

    /// <summary>The sequence number of the next record: how many have authenticated since the keys were set.</summary>
    public ulong SequenceNumber { get; private set; }

    /// <summary>
    /// A decryptor for the TLS 1.3 records protected under <paramref name="trafficSecret"/> (a
    /// handshake or application traffic secret of a key log). Null when the suite is not a TLS 1.3
    /// one, the secret's length is not the suite's hash length (a secret of another connection or a
    /// SHA-384 one for a SHA-256 suite) or the platform lacks the AEAD.
    /// </summary>
    public static TlsRecordDecryptor? CreateTls13(TlsCipherSuite suite, ReadOnlySpan<byte> trafficSecret)
    {
        if (!suite.IsTls13 || trafficSecret.Length != suite.HashLength)
        {
            return null;
        }

        var keys = Tls13KeySchedule.TrafficKeys(suite, trafficSecret);
        var cipher = TlsAeadCipher.Create(suite, keys.Key);
        CryptographicOperations.ZeroMemory(keys.Key);
        return cipher is null ? null : new TlsRecordDecryptor(suite, cipher, keys.Iv, trafficSecret.ToArray());
    }

    /// <summary>
    /// A decryptor for TLS 1.2 records under a write key and IV of <see cref="Tls12KeySchedule.KeyBlock"/>.
    /// Null when the suite is a TLS 1.3 one, a length does not fit it (the IV has 4 bytes for GCM and
    /// CCM, 12 for ChaCha20-Poly1305) or the platform lacks the AEAD.
    /// </summary>
    public static TlsRecordDecryptor? CreateTls12(TlsCipherSuite suite, ReadOnlySpan<byte> writeKey, ReadOnlySpan<byte> writeIv)
    {
        if (suite.IsTls13 || writeIv.Length != suite.IvLength)
        {
            return null;
        }

        var cipher = TlsAeadCipher.Create(suite, writeKey);
        return cipher is null ? null : new TlsRecordDecryptor(suite, cipher, writeIv.ToArray(), null);
    }

    /// <summary>
    /// Decrypts one record's body (the bytes after its 5-byte header) into <paramref name="plaintext"/>,
    /// which needs room for the body's length less the tag (and the TLS 1.2 explicit nonce).
    /// <paramref name="length"/> is the plaintext's length and <paramref name="contentType"/> its real
    /// record type: in TLS 1.3 the inner type found after the content (the zero padding stripped), in
    /// TLS 1.2 <paramref name="recordType"/>.
    /// </summary>
    /// <returns>
    /// False when the body is too short for the tag (and nonce, or inner type), longer than a record
    /// can be, <paramref name="plaintext"/> is too small, or the record does not authenticate: the
    /// sequence number stays. Also false for a TLS 1.3 record that authenticates but is all padding
    /// (no content type, RFC 8446 §5.4): its number was used, so the sequence number advances.
    /// </returns>
    public bool TryDecrypt(byte recordType, ushort recordVersion, ReadOnlySpan<byte> body, Span<byte> plaintext, out int length, out byte contentType)
    {
        length = 0;
        contentType = 0;
        int nonceLength = _suite.ExplicitNonceLength;
        int ciphertextLength = body.Length - nonceLength - _suite.TagLength;
        int minimum = _suite.IsTls13 ? 1 : 0;
        if (ciphertextLength < minimum || body.Length > ushort.MaxValue || plaintext.Length < ciphertextLength)
        {
            return false;
        }

        var ciphertext = body.Slice(nonceLength, ciphertextLength);
        var tag = body[^_suite.TagLength..];
        var output = plaintext[..ciphertextLength];
        Span<byte> nonce = stackalloc byte[NonceLength];
        Nonce(body[..nonceLength], nonce);
        Span<byte> associatedData = stackalloc byte[Tls12AssociatedDataLength];
        int associatedLength = AssociatedData(recordType, recordVersion, _suite.IsTls13 ? body.Length : ciphertextLength, associatedData);
        bool authentic = _cipher.TryDecrypt(nonce, ciphertext, tag, output, associatedData[..associatedLength]);
        if (!authentic)
        {
            return false;
        }

        SequenceNumber++;
        if (!_suite.IsTls13)
        {
            length = ciphertextLength;
            contentType = recordType;
            return true;
        }

        // TLSInnerPlaintext: content, then the real type, then zeros (RFC 8446 §5.2, §5.4).
        int end = output.LastIndexOfAnyExcept((byte)0);
        if (end < 0)
        {
            return false;
        }

        length = end;
        contentType = output[end];
        return true;
    }

    /// <summary>
    /// Moves a TLS 1.3 decryptor to the next application traffic secret after a KeyUpdate message
    /// in its direction (RFC 8446 §4.6.3, §7.2): new key and IV, sequence number back to 0. False,
    /// changing nothing, for a TLS 1.2 decryptor, which has no KeyUpdate.
    /// </summary>
    public bool KeyUpdate()
    {
        if (_trafficSecret is null)
        {
            return false;
        }

        var next = Tls13KeySchedule.NextTrafficSecret(_suite, _trafficSecret);
        var keys = Tls13KeySchedule.TrafficKeys(_suite, next);
        var cipher = TlsAeadCipher.Create(_suite, keys.Key);
        CryptographicOperations.ZeroMemory(keys.Key);
        if (cipher is null)
        {
            // Not seen: the suite's AEAD was there for the first secret, so it is for the next one.
            CryptographicOperations.ZeroMemory(next);
            keys.Clear();
            return false;
        }

        _cipher.Dispose();
        CryptographicOperations.ZeroMemory(_trafficSecret);
        CryptographicOperations.ZeroMemory(_iv);
        _cipher = cipher;
        _iv = keys.Iv;
        _trafficSecret = next;
        SequenceNumber = 0;
        return true;
    }

    /// <summary>Frees the AEAD key and overwrites the secret and IV kept here.</summary>
    public void Dispose()
    {
        _cipher.Dispose();
        CryptographicOperations.ZeroMemory(_iv);
        if (_trafficSecret is not null)
        {
            CryptographicOperations.ZeroMemory(_trafficSecret);
        }
    }

    /// <summary>
    /// The record's nonce: for TLS 1.3 and ChaCha20-Poly1305 the IV XOR the sequence number padded on
    /// the left to 12 bytes; for TLS 1.2 GCM and CCM the 4-byte fixed IV, then the record's 8-byte
    /// nonce_explicit.
    /// </summary>
    private void Nonce(ReadOnlySpan<byte> explicitNonce, Span<byte> nonce)
    {
        _iv.CopyTo(nonce);
        if (explicitNonce.IsEmpty)
        {
            ulong mixed = BinaryPrimitives.ReadUInt64BigEndian(nonce[4..]) ^ SequenceNumber;
            BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], mixed);
        }
        else
        {
            explicitNonce.CopyTo(nonce[4..]);
        }
    }

    /// <summary>
    /// The additional data, returning its length. TLS 1.3: the record header itself, opaque_type ||
    /// legacy_record_version || length of the body (RFC 8446 §5.2). TLS 1.2: seq_num || type ||
    /// version || length of the plaintext (RFC 5246 §6.2.3.3).
    /// </summary>
    private int AssociatedData(byte recordType, ushort recordVersion, int length, Span<byte> data)
    {
        int at = 0;
        if (!_suite.IsTls13)
        {
            BinaryPrimitives.WriteUInt64BigEndian(data, SequenceNumber);
            at = 8;
        }

        data[at] = recordType;
        BinaryPrimitives.WriteUInt16BigEndian(data[(at + 1)..], recordVersion);
        BinaryPrimitives.WriteUInt16BigEndian(data[(at + 3)..], (ushort)length);
        return at + RecordHeaderLength;
    }
}
