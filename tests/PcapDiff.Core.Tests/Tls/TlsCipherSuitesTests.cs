using System.Security.Cryptography;
using PcapDiff.Core.Tls;

namespace PcapDiff.Core.Tests.Tls;

/// <summary>The suite table gives each AEAD suite's IANA name, algorithm, key and hash.</summary>
public sealed class TlsCipherSuitesTests
{
    [Theory]
    [InlineData(0x1301, "TLS_AES_128_GCM_SHA256", "Gcm", 16, 32, 16)]
    [InlineData(0x1302, "TLS_AES_256_GCM_SHA384", "Gcm", 32, 48, 16)]
    [InlineData(0x1303, "TLS_CHACHA20_POLY1305_SHA256", "ChaCha20Poly1305", 32, 32, 16)]
    [InlineData(0x1304, "TLS_AES_128_CCM_SHA256", "Ccm", 16, 32, 16)]
    [InlineData(0x1305, "TLS_AES_128_CCM_8_SHA256", "Ccm8", 16, 32, 8)]
    public void Should_describe_the_suite_When_it_is_a_tls13_one(int id, string name, string aeadName, int keyLength, int hashLength, int tagLength)
    {
        var suite = TlsCipherSuites.Find((ushort)id);
        var aead = Enum.Parse<TlsAead>(aeadName);

        Assert.NotNull(suite);
        Assert.Equal((name, aead, keyLength, hashLength, tagLength), (suite.Name, suite.Aead, suite.KeyLength, suite.HashLength, suite.TagLength));
        Assert.True(suite.IsTls13);
        Assert.Equal(12, suite.IvLength);
        Assert.Equal(0, suite.ExplicitNonceLength);
    }

    [Theory]
    [InlineData(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", "Gcm", 16, "SHA256")]
    [InlineData(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384", "Gcm", 32, "SHA384")]
    [InlineData(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "Gcm", 16, "SHA256")]
    [InlineData(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "Gcm", 32, "SHA384")]
    [InlineData(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "Gcm", 16, "SHA256")]
    [InlineData(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "Gcm", 32, "SHA384")]
    [InlineData(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "Gcm", 16, "SHA256")]
    [InlineData(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "Gcm", 32, "SHA384")]
    [InlineData(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ChaCha20Poly1305", 32, "SHA256")]
    [InlineData(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ChaCha20Poly1305", 32, "SHA256")]
    [InlineData(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ChaCha20Poly1305", 32, "SHA256")]
    [InlineData(0xC09C, "TLS_RSA_WITH_AES_128_CCM", "Ccm", 16, "SHA256")]
    [InlineData(0xC09D, "TLS_RSA_WITH_AES_256_CCM", "Ccm", 32, "SHA256")]
    [InlineData(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM", "Ccm", 16, "SHA256")]
    [InlineData(0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM", "Ccm", 32, "SHA256")]
    [InlineData(0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8", "Ccm8", 16, "SHA256")]
    [InlineData(0xC0A1, "TLS_RSA_WITH_AES_256_CCM_8", "Ccm8", 32, "SHA256")]
    [InlineData(0xC0A2, "TLS_DHE_RSA_WITH_AES_128_CCM_8", "Ccm8", 16, "SHA256")]
    [InlineData(0xC0A3, "TLS_DHE_RSA_WITH_AES_256_CCM_8", "Ccm8", 32, "SHA256")]
    [InlineData(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "Ccm", 16, "SHA256")]
    [InlineData(0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "Ccm", 32, "SHA256")]
    [InlineData(0xC0AE, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", "Ccm8", 16, "SHA256")]
    [InlineData(0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", "Ccm8", 32, "SHA256")]
    public void Should_describe_the_suite_When_it_is_a_tls12_aead_one(int id, string name, string aeadName, int keyLength, string hash)
    {
        var suite = TlsCipherSuites.Find((ushort)id);
        var aead = Enum.Parse<TlsAead>(aeadName);

        Assert.NotNull(suite);
        Assert.Equal((name, aead, keyLength, new HashAlgorithmName(hash)), (suite.Name, suite.Aead, suite.KeyLength, suite.Hash));
        Assert.False(suite.IsTls13);
        bool chaCha = aead == TlsAead.ChaCha20Poly1305;
        Assert.Equal(chaCha ? 12 : 4, suite.IvLength);
        Assert.Equal(chaCha ? 0 : 8, suite.ExplicitNonceLength);
        Assert.Equal(aead == TlsAead.Ccm8 ? 8 : 16, suite.TagLength);
    }

    [Theory]
    [InlineData(0x0000)] // TLS_NULL_WITH_NULL_NULL
    [InlineData(0x002F)] // TLS_RSA_WITH_AES_128_CBC_SHA
    [InlineData(0xC013)] // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
    [InlineData(0x00FF)] // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
    [InlineData(0x0A0A)] // GREASE
    [InlineData(0x1306)] // unassigned
    public void Should_find_nothing_When_the_suite_is_not_an_aead_one_known_here(int id)
    {
        Assert.Null(TlsCipherSuites.Find((ushort)id));
    }

    [Fact]
    public void Should_list_28_suites_with_distinct_names()
    {
        var all = TlsCipherSuites.All.ToList();

        Assert.Equal(28, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct().Count());
        Assert.All(all, s => Assert.Same(s, TlsCipherSuites.Find(s.Id)));
    }
}
