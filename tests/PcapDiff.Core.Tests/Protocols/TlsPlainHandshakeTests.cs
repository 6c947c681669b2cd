using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>Decrypted handshake bytes named as messages: split anywhere, certificates counted, tickets left out.</summary>
public sealed class TlsPlainHandshakeTests
{
    [Fact]
    public void Should_name_each_message_and_count_the_certificates_When_the_plaintext_comes_in_any_split()
    {
        byte[] certificateList = [.. Entry(300), .. Entry(200)];
        byte[] certificate13 = Message(11, [0, .. Length24(certificateList.Length), .. certificateList]);
        byte[] plaintext = [.. Message(8, [0, 0]), .. certificate13, .. Message(15, new byte[72]), .. Message(4, new byte[40]), .. Message(20, new byte[32])];

        foreach (int split in new[] { 1, 3, 7, plaintext.Length })
        {
            var reader = new TlsPlainHandshake();
            var found = new List<AppMessage>();
            for (int at = 0; at < plaintext.Length; at += split)
            {
                reader.Read(plaintext.AsSpan(at, Math.Min(split, plaintext.Length - at)), 0, found, tls13: true);
            }

            Assert.Equal(
                ["TLS EncryptedExtensions", "TLS Certificate (2 certificates)", "TLS CertificateVerify", "TLS Finished"],
                found.Select(m => EventText.Message(m.Detail)));
            Assert.False(reader.Stopped);
        }
    }

    [Fact]
    public void Should_call_the_certificate_empty_and_report_a_key_update_When_the_client_has_none_and_updates_its_keys()
    {
        var reader = new TlsPlainHandshake();
        var found = new List<AppMessage>();

        int updates = reader.Read([.. Message(11, [0, 0, 0, 0]), .. Message(24, [0])], 0, found, tls13: true);

        var certificate = Assert.IsType<TlsDetail>(found[0].Detail);
        Assert.True(certificate.NoCertificates);
        Assert.Equal(1, updates);
        Assert.Equal("TLS KeyUpdate", EventText.Message(found[1].Detail));
    }

    [Fact]
    public void Should_stop_When_the_plaintext_is_not_a_handshake()
    {
        var reader = new TlsPlainHandshake();
        var found = new List<AppMessage>();

        reader.Read([0x99, 0, 0, 1, 0], 0, found, tls13: true);

        Assert.True(reader.Stopped);
        Assert.Empty(found);
    }

    [Fact]
    public void Should_read_the_certificate_count_back_When_a_flows_file_holds_it()
    {
        const string line = "S→C TLS Certificate (2 certificates)";
        var flows = FlowsParser.Parse($"pcapdiff flows 1\nflow TCP collector.test:8443\n  {line}\n", "x.flows");

        var e = Assert.Single(Assert.Single(flows.Flows).Events);

        Assert.Equal(2, Assert.IsType<TlsDetail>(e.Detail).CertificateCount);
        Assert.Equal(line, e.Text);
    }

    private static byte[] Message(byte type, byte[] body) => [type, .. Length24(body.Length), .. body];

    private static byte[] Entry(int certificateLength) => [.. Length24(certificateLength), .. new byte[certificateLength], 0, 0];

    private static byte[] Length24(int length) => [(byte)(length >> 16), (byte)(length >> 8), (byte)length];
}
