using System.Security.Cryptography;
using PcapDiff.Core.Tls;

namespace PcapDiff.Core.Tests.Tls;

/// <summary>The TLS 1.2 PRF gives the published vectors and the key_block is cut in RFC 5246's order.</summary>
public sealed class Tls12KeyScheduleTests
{
    /// <summary>
    /// The P_SHA256 vector posted to the IETF TLS list (https://www.ietf.org/mail-archive/web/tls/current/msg03416.html),
    /// as Botan keeps it in src/tests/data/kdf/tls_prf.vec ([TLS-12-PRF(SHA-256)]).
    /// </summary>
    [Fact]
    public void Should_give_the_published_p_sha256_vector()
    {
        var output = Tls12KeySchedule.Prf(
            HashAlgorithmName.SHA256,
            Hex.Parse("9bbe436ba940f017b17652849a71db35"),
            "test label",
            Hex.Parse("a0ba9f936cda311827a6f796ffd5198c"),
            100);

        Assert.Equal(
            Hex.Parse("""
                e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a
                6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab
                4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701
                87347b66
                """),
            output);
    }

    /// <summary>The P_SHA384 vector of the same post, from the same Botan file ([TLS-12-PRF(SHA-384)]).</summary>
    [Fact]
    public void Should_give_the_published_p_sha384_vector()
    {
        var output = Tls12KeySchedule.Prf(
            HashAlgorithmName.SHA384,
            Hex.Parse("b80b733d6ceefcdc71566ea48e5567df"),
            "test label",
            Hex.Parse("cd665cf6a8447dd6ff8b27555edb7465"),
            148);

        Assert.Equal(
            Hex.Parse("""
                7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd
                e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd
                8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425
                9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6
                91c8f3a26854308d5eaa3be85e0990703d73e56f
                """),
            output);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    public void Should_give_a_prefix_of_the_longer_output_When_fewer_bytes_are_asked(int length)
    {
        byte[] secret = [1, 2, 3];
        byte[] seed = [4, 5, 6];

        var full = Tls12KeySchedule.Prf(HashAlgorithmName.SHA256, secret, "key expansion", seed, 100);

        Assert.Equal(full[..length], Tls12KeySchedule.Prf(HashAlgorithmName.SHA256, secret, "key expansion", seed, length));
    }

    [Theory]
    [InlineData(0xC02F, 16, 4)]
    [InlineData(0xC030, 32, 4)]
    [InlineData(0xCCA8, 32, 12)]
    [InlineData(0xC0A0, 16, 4)]
    public void Should_cut_client_key_server_key_client_iv_server_iv_When_the_key_block_is_made(int id, int keyLength, int ivLength)
    {
        var suite = TlsCipherSuites.Find((ushort)id)!;
        var master = Enumerable.Range(0, 48).Select(i => (byte)i).ToArray();
        var clientRandom = Enumerable.Repeat((byte)0xC1, 32).ToArray();
        var serverRandom = Enumerable.Repeat((byte)0x5E, 32).ToArray();

        var block = Tls12KeySchedule.KeyBlock(suite, master, clientRandom, serverRandom);

        // key_block = PRF(master_secret, "key expansion", server_random + client_random) (RFC 5246 §6.3).
        var expected = Tls12KeySchedule.Prf(suite.Hash, master, "key expansion", [.. serverRandom, .. clientRandom], 2 * (keyLength + ivLength));
        Assert.NotNull(block);
        Assert.Equal(expected[..keyLength], block.Client.Key);
        Assert.Equal(expected[keyLength..(2 * keyLength)], block.Server.Key);
        Assert.Equal(expected[(2 * keyLength)..(2 * keyLength + ivLength)], block.Client.Iv);
        Assert.Equal(expected[(2 * keyLength + ivLength)..], block.Server.Iv);
    }

    [Fact]
    public void Should_make_no_key_block_When_the_suite_is_tls13_or_a_length_is_wrong()
    {
        var gcm = TlsCipherSuites.Find(0xC02F)!;
        var random = new byte[32];

        Assert.Null(Tls12KeySchedule.KeyBlock(TlsCipherSuites.Find(0x1301)!, new byte[48], random, random));
        Assert.Null(Tls12KeySchedule.KeyBlock(gcm, new byte[32], random, random));
        Assert.Null(Tls12KeySchedule.KeyBlock(gcm, new byte[48], new byte[31], random));
        Assert.Null(Tls12KeySchedule.KeyBlock(gcm, new byte[48], random, []));
    }

    [Fact]
    public void Should_show_no_key_When_a_key_block_is_printed()
    {
        var block = Tls12KeySchedule.KeyBlock(TlsCipherSuites.Find(0xC030)!, Enumerable.Repeat((byte)7, 48).ToArray(), new byte[32], new byte[32])!;

        string text = block.ToString();

        Assert.Equal(
            "Tls12KeyBlock { Client = TlsTrafficKeys { Key = 32 bytes, Iv = 4 bytes }, Server = TlsTrafficKeys { Key = 32 bytes, Iv = 4 bytes } }",
            text);
        SecretText.AssertAbsent(text, block.Client.Key);
        SecretText.AssertAbsent(text, block.Server.Key);
    }
}
