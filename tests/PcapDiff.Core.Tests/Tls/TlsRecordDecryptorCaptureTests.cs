using PcapDiff.Core.Tls;

namespace PcapDiff.Core.Tests.Tls;

/// <summary>
/// From a capture's key log and hellos to its plaintext: the key log, the key schedule and the
/// record decryptor together give what Wireshark decrypts, for each AEAD in TLS 1.3 and TLS 1.2.
/// </summary>
public sealed class TlsRecordDecryptorCaptureTests
{
    [Fact]
    public void Should_decrypt_handshake_and_application_records_When_tls13_uses_aes256_gcm()
    {
        var secrets = Secrets(CapturedTls.Tls13Good1.KeyLog, CapturedTls.Tls13Good1.ClientRandom);
        var suite = TlsCipherSuites.Find(CapturedTls.Tls13Good1.Suite)!;
        using var serverHandshake = TlsRecordDecryptor.CreateTls13(suite, secrets.ServerHandshakeTrafficSecret!)!;
        using var clientHandshake = TlsRecordDecryptor.CreateTls13(suite, secrets.ClientHandshakeTrafficSecret!)!;
        using var client = TlsRecordDecryptor.CreateTls13(suite, secrets.ClientTrafficSecret0!)!;

        AssertDecrypts(serverHandshake, CapturedTls.Tls13Good1.ServerEncryptedExtensions);
        AssertDecrypts(clientHandshake, CapturedTls.Tls13Good1.ClientFinished);
        AssertDecrypts(client, CapturedTls.Tls13Good1.ClientGet);
        AssertDecrypts(client, CapturedTls.Tls13Good1.ClientCloseNotify);
    }

    [Fact]
    public void Should_decrypt_records_across_a_key_update_When_tls13_uses_chacha20_poly1305()
    {
        var secrets = Secrets(CapturedTls.Tls13ChaChaKeyUpdate.KeyLog, CapturedTls.Tls13ChaChaKeyUpdate.ClientRandom);
        var suite = TlsCipherSuites.Find(CapturedTls.Tls13ChaChaKeyUpdate.Suite)!;
        using var serverHandshake = TlsRecordDecryptor.CreateTls13(suite, secrets.ServerHandshakeTrafficSecret!)!;
        using var clientHandshake = TlsRecordDecryptor.CreateTls13(suite, secrets.ClientHandshakeTrafficSecret!)!;
        using var client = TlsRecordDecryptor.CreateTls13(suite, secrets.ClientTrafficSecret0!)!;

        AssertDecrypts(serverHandshake, CapturedTls.Tls13ChaChaKeyUpdate.ServerEncryptedExtensions);
        AssertDecrypts(clientHandshake, CapturedTls.Tls13ChaChaKeyUpdate.ClientFinished);
        AssertDecrypts(client, CapturedTls.Tls13ChaChaKeyUpdate.ClientHelloBeforeUpdate);
        AssertDecrypts(client, CapturedTls.Tls13ChaChaKeyUpdate.ClientKeyUpdate);

        // Handshake type 24, KeyUpdate; update_not_requested.
        Assert.Equal([24, 0, 0, 1, 0], CapturedTls.Tls13ChaChaKeyUpdate.ClientKeyUpdate.Plaintext);
        Assert.False(TryDecrypt(client, CapturedTls.Tls13ChaChaKeyUpdate.ClientHelloAfterUpdate, out _, out _));
        Assert.True(client.KeyUpdate());
        AssertDecrypts(client, CapturedTls.Tls13ChaChaKeyUpdate.ClientHelloAfterUpdate);
        Assert.Equal(1UL, client.SequenceNumber);
    }

    [Fact]
    public void Should_decrypt_handshake_and_application_records_When_tls13_uses_aes128_ccm8()
    {
        var secrets = Secrets(CapturedTls.Tls13Ccm8.KeyLog, CapturedTls.Tls13Ccm8.ClientRandom);
        var suite = TlsCipherSuites.Find(CapturedTls.Tls13Ccm8.Suite)!;
        using var clientHandshake = TlsRecordDecryptor.CreateTls13(suite, secrets.ClientHandshakeTrafficSecret!)!;
        using var client = TlsRecordDecryptor.CreateTls13(suite, secrets.ClientTrafficSecret0!)!;

        AssertDecrypts(clientHandshake, CapturedTls.Tls13Ccm8.ClientFinished);
        AssertDecrypts(client, CapturedTls.Tls13Ccm8.ClientGet);
    }

    [Fact]
    public void Should_decrypt_both_directions_When_tls12_uses_aes256_gcm()
    {
        var (client, server) = Tls12(
            CapturedTls.Tls12ClientCertGood.KeyLog, CapturedTls.Tls12ClientCertGood.Suite,
            CapturedTls.Tls12ClientCertGood.ClientRandom, CapturedTls.Tls12ClientCertGood.ServerRandom);
        using (client)
        using (server)
        {
            AssertDecrypts(client, CapturedTls.Tls12ClientCertGood.ClientFinished);
            AssertDecrypts(client, CapturedTls.Tls12ClientCertGood.ClientGet);
            AssertDecrypts(server, CapturedTls.Tls12ClientCertGood.ServerFinished);
            Assert.Equal(2UL, client.SequenceNumber);
        }
    }

    [Fact]
    public void Should_decrypt_both_directions_When_tls12_uses_chacha20_poly1305()
    {
        var (client, server) = Tls12(
            CapturedTls.Tls12ChaCha.KeyLog, CapturedTls.Tls12ChaCha.Suite,
            CapturedTls.Tls12ChaCha.ClientRandom, CapturedTls.Tls12ChaCha.ServerRandom);
        using (client)
        using (server)
        {
            AssertDecrypts(client, CapturedTls.Tls12ChaCha.ClientFinished);
            AssertDecrypts(client, CapturedTls.Tls12ChaCha.ClientGet);
            AssertDecrypts(server, CapturedTls.Tls12ChaCha.ServerFinished);
        }
    }

    [Fact]
    public void Should_decrypt_client_records_When_tls12_uses_aes128_ccm8()
    {
        var (client, server) = Tls12(
            CapturedTls.Tls12Ccm8.KeyLog, CapturedTls.Tls12Ccm8.Suite,
            CapturedTls.Tls12Ccm8.ClientRandom, CapturedTls.Tls12Ccm8.ServerRandom);
        using (client)
        using (server)
        {
            AssertDecrypts(client, CapturedTls.Tls12Ccm8.ClientFinished);
            AssertDecrypts(client, CapturedTls.Tls12Ccm8.ClientGet);
        }
    }

    [Fact]
    public void Should_decrypt_client_records_When_tls12_uses_aes256_ccm_with_the_sha256_prf()
    {
        var (client, server) = Tls12(
            CapturedTls.Tls12Ccm.KeyLog, CapturedTls.Tls12Ccm.Suite,
            CapturedTls.Tls12Ccm.ClientRandom, CapturedTls.Tls12Ccm.ServerRandom);
        using (client)
        using (server)
        {
            AssertDecrypts(client, CapturedTls.Tls12Ccm.ClientFinished);
            AssertDecrypts(client, CapturedTls.Tls12Ccm.ClientGet);
        }
    }

    [Fact]
    public void Should_fail_When_the_randoms_are_swapped()
    {
        // key_block's seed is server_random + client_random: the other order gives other keys.
        var (client, server) = Tls12(
            CapturedTls.Tls12ClientCertGood.KeyLog, CapturedTls.Tls12ClientCertGood.Suite,
            CapturedTls.Tls12ClientCertGood.ClientRandom, CapturedTls.Tls12ClientCertGood.ServerRandom, swapRandoms: true);
        using (client)
        using (server)
        {
            Assert.False(TryDecrypt(client, CapturedTls.Tls12ClientCertGood.ClientFinished, out _, out _));
        }
    }

    private static TlsSessionSecrets Secrets(string keyLog, byte[] clientRandom)
    {
        var log = TlsKeyLog.Parse(keyLog);
        Assert.Equal(0, log.MalformedLines);
        Assert.True(log.TryGet(clientRandom, out var secrets));
        return secrets;
    }

    private static (TlsRecordDecryptor Client, TlsRecordDecryptor Server) Tls12(
        string keyLog, ushort suiteId, byte[] clientRandom, byte[] serverRandom, bool swapRandoms = false)
    {
        var suite = TlsCipherSuites.Find(suiteId)!;
        var master = Secrets(keyLog, clientRandom).MasterSecret!;
        var block = swapRandoms
            ? Tls12KeySchedule.KeyBlock(suite, master, serverRandom, clientRandom)!
            : Tls12KeySchedule.KeyBlock(suite, master, clientRandom, serverRandom)!;
        return (TlsRecordDecryptor.CreateTls12(suite, block.Client.Key, block.Client.Iv)!, TlsRecordDecryptor.CreateTls12(suite, block.Server.Key, block.Server.Iv)!);
    }

    private static bool TryDecrypt(TlsRecordDecryptor decryptor, CapturedRecord record, out int length, out byte contentType) =>
        decryptor.TryDecrypt(record.Type, record.Version, record.Body, new byte[record.Body.Length], out length, out contentType);

    private static void AssertDecrypts(TlsRecordDecryptor decryptor, CapturedRecord record)
    {
        var plaintext = new byte[record.Body.Length];

        Assert.True(decryptor.TryDecrypt(record.Type, record.Version, record.Body, plaintext, out int length, out byte type), $"frame {record.Frame}");

        Assert.Equal(record.Plaintext, plaintext[..length]);
        Assert.Equal(record.ContentType, type);
    }
}
