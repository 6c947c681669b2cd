using System.Security.Cryptography;

namespace PcapDiff.Core.Tls;

/// <summary>One direction's record protection keys: the AEAD write key and the IV. <see cref="ToString"/> shows neither.</summary>
/// <param name="Key">The write key, of the suite's key length.</param>
/// <param name="Iv">The IV: 12 bytes, or the 4-byte fixed part of a TLS 1.2 GCM or CCM nonce.</param>
internal sealed record TlsTrafficKeys(byte[] Key, byte[] Iv)
{
    /// <summary>The lengths only: <c>TlsTrafficKeys { Key = 16 bytes, Iv = 12 bytes }</c>.</summary>
    public override string ToString() => $"TlsTrafficKeys {{ Key = {Key.Length} bytes, Iv = {Iv.Length} bytes }}";

    /// <summary>Overwrites both with zeros, for when they are no longer needed.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(Key);
        CryptographicOperations.ZeroMemory(Iv);
    }
}
