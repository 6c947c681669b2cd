using System.Security.Cryptography;
using System.Text;

namespace PcapDiff.Core.Tls;

/// <summary>
/// The TLS 1.2 key derivation from a logged master secret: the PRF (RFC 5246 §5) and the AEAD
/// suites' key_block (RFC 5246 §6.3).
/// </summary>
internal static class Tls12KeySchedule
{
    /// <summary>Bytes of a master secret (RFC 5246 §8.1).</summary>
    public const int MasterSecretLength = 48;

    /// <summary>Bytes of a ClientHello or ServerHello random.</summary>
    public const int RandomLength = 32;

    /// <summary>
    /// PRF(secret, label, seed) = P_hash(secret, label + seed), <paramref name="length"/> bytes of it
    /// (RFC 5246 §5): A(0) = label + seed, A(i) = HMAC(secret, A(i-1)), and the output is
    /// HMAC(secret, A(1) + label + seed) + HMAC(secret, A(2) + label + seed) + ...
    /// </summary>
    public static byte[] Prf(HashAlgorithmName hash, ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> seed, int length)
    {
        var labelSeed = new byte[Encoding.ASCII.GetByteCount(label) + seed.Length];
        int labelLength = Encoding.ASCII.GetBytes(label, labelSeed);
        seed.CopyTo(labelSeed.AsSpan(labelLength));

        using var hmac = IncrementalHash.CreateHMAC(hash, secret);
        var a = new byte[hmac.HashLengthInBytes];
        var block = new byte[hmac.HashLengthInBytes];
        var output = new byte[length];
        hmac.AppendData(labelSeed);
        hmac.GetHashAndReset(a);
        for (int at = 0; at < length; at += block.Length)
        {
            hmac.AppendData(a);
            hmac.AppendData(labelSeed);
            hmac.GetHashAndReset(block);
            block.AsSpan(0, Math.Min(block.Length, length - at)).CopyTo(output.AsSpan(at));
            hmac.AppendData(a);
            hmac.GetHashAndReset(a);
        }

        CryptographicOperations.ZeroMemory(a);
        CryptographicOperations.ZeroMemory(block);
        return output;
    }

    /// <summary>
    /// The record keys of a TLS 1.2 AEAD connection: key_block = PRF(master_secret, "key expansion",
    /// server_random + client_random), cut into client_write_key, server_write_key, client_write_IV
    /// and server_write_IV (there are no MAC keys for AEAD suites). Null when the suite is a TLS 1.3
    /// one or a length is wrong (a master secret has 48 bytes, each random 32).
    /// </summary>
    public static Tls12KeyBlock? KeyBlock(TlsCipherSuite suite, ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom)
    {
        if (suite.IsTls13 || masterSecret.Length != MasterSecretLength
            || clientRandom.Length != RandomLength || serverRandom.Length != RandomLength)
        {
            return null;
        }

        Span<byte> seed = stackalloc byte[2 * RandomLength];
        serverRandom.CopyTo(seed);
        clientRandom.CopyTo(seed[RandomLength..]);
        int keyLength = suite.KeyLength;
        int ivLength = suite.IvLength;
        var block = Prf(suite.Hash, masterSecret, "key expansion", seed, 2 * (keyLength + ivLength));
        var keys = new Tls12KeyBlock(
            new TlsTrafficKeys(block[..keyLength], block[(2 * keyLength)..(2 * keyLength + ivLength)]),
            new TlsTrafficKeys(block[keyLength..(2 * keyLength)], block[(2 * keyLength + ivLength)..]));
        CryptographicOperations.ZeroMemory(block);
        return keys;
    }
}
