using System.Security.Cryptography;
using PcapDiff.Core.Tls;

namespace PcapDiff.Core.Tests.Tls;

/// <summary>HKDF-Expand-Label and the traffic keys give RFC 8448's values; the KeyUpdate secret gives OpenSSL's.</summary>
public sealed class Tls13KeyScheduleTests
{
    private static readonly TlsCipherSuite Aes128Gcm = TlsCipherSuites.Find(0x1301)!;

    [Fact]
    public void Should_encode_the_hkdf_label_as_rfc8448_prints_it()
    {
        Assert.Equal(Rfc8448.KeyInfo, Tls13KeySchedule.HkdfLabel("key", [], 16));
        Assert.Equal(Rfc8448.IvInfo, Tls13KeySchedule.HkdfLabel("iv", [], 12));
    }

    [Fact]
    public void Should_derive_the_handshake_traffic_secrets_When_given_the_handshake_secret_and_transcript_hash()
    {
        // A context of a transcript hash, where the traffic keys have none.
        Assert.Equal(
            Rfc8448.ClientHandshakeTrafficSecret,
            Tls13KeySchedule.ExpandLabel(HashAlgorithmName.SHA256, Rfc8448.HandshakeSecret, "c hs traffic", Rfc8448.ServerHandshakeTranscriptHash, 32));
        Assert.Equal(
            Rfc8448.ServerHandshakeTrafficSecret,
            Tls13KeySchedule.ExpandLabel(HashAlgorithmName.SHA256, Rfc8448.HandshakeSecret, "s hs traffic", Rfc8448.ServerHandshakeTranscriptHash, 32));
    }

    [Fact]
    public void Should_derive_each_key_and_iv_of_rfc8448_When_given_its_traffic_secrets()
    {
        AssertKeys(Rfc8448.ServerHandshakeTrafficSecret, Rfc8448.ServerHandshakeKey, Rfc8448.ServerHandshakeIv);
        AssertKeys(Rfc8448.ClientHandshakeTrafficSecret, Rfc8448.ClientHandshakeKey, Rfc8448.ClientHandshakeIv);
        AssertKeys(Rfc8448.ServerApplicationTrafficSecret, Rfc8448.ServerApplicationKey, Rfc8448.ServerApplicationIv);
        AssertKeys(Rfc8448.ClientApplicationTrafficSecret, Rfc8448.ClientApplicationKey, Rfc8448.ClientApplicationIv);
    }

    [Fact]
    public void Should_give_the_secret_openssl_logged_after_a_key_update()
    {
        // OpenSSL logs the client's secret after each KeyUpdate as CLIENT_TRAFFIC_SECRET_N.
        var log = TlsKeyLog.Parse(CapturedTls.Tls13ChaChaKeyUpdate.KeyLog);
        Assert.True(log.TryGet(CapturedTls.Tls13ChaChaKeyUpdate.ClientRandom, out var secrets));
        var suite = TlsCipherSuites.Find(CapturedTls.Tls13ChaChaKeyUpdate.Suite)!;

        var next = Tls13KeySchedule.NextTrafficSecret(suite, secrets.ClientTrafficSecret0!);

        Assert.Equal(LoggedValue(CapturedTls.Tls13ChaChaKeyUpdate.KeyLog, "CLIENT_TRAFFIC_SECRET_N"), next);
    }

    [Fact]
    public void Should_give_hash_length_secrets_and_key_length_keys_When_the_suite_uses_sha384()
    {
        var suite = TlsCipherSuites.Find(0x1302)!;
        var secret = new byte[48];

        var keys = Tls13KeySchedule.TrafficKeys(suite, secret);

        Assert.Equal((32, 12), (keys.Key.Length, keys.Iv.Length));
        Assert.Equal(48, Tls13KeySchedule.NextTrafficSecret(suite, secret).Length);
    }

    [Fact]
    public void Should_show_no_key_When_traffic_keys_are_printed()
    {
        var keys = Tls13KeySchedule.TrafficKeys(Aes128Gcm, Rfc8448.ServerHandshakeTrafficSecret);

        Assert.Equal("TlsTrafficKeys { Key = 16 bytes, Iv = 12 bytes }", keys.ToString());
        SecretText.AssertAbsent($"{keys}", keys.Key);
        SecretText.AssertAbsent($"{keys}", keys.Iv);
    }

    /// <summary>The secret of the first line of a key log with this label.</summary>
    internal static byte[] LoggedValue(string keyLog, string label) =>
        Convert.FromHexString(keyLog.Split('\n').Select(l => l.Split(' ')).First(f => f[0] == label)[2].Trim());

    private static void AssertKeys(byte[] secret, byte[] key, byte[] iv)
    {
        var keys = Tls13KeySchedule.TrafficKeys(Aes128Gcm, secret);

        Assert.Equal(key, keys.Key);
        Assert.Equal(iv, keys.Iv);
    }
}
