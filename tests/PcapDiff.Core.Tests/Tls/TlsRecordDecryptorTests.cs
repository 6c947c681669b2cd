using System.Security.Cryptography;
using PcapDiff.Core.Tls;

namespace PcapDiff.Core.Tests.Tls;

/// <summary>
/// The record decryptor opens RFC 8448's protected records, in sequence, and says no, without
/// throwing or counting the record, to anything that does not authenticate.
/// </summary>
public sealed class TlsRecordDecryptorTests
{
    private const byte Handshake = 22;
    private const byte ApplicationData = 23;
    private const byte Alert = 21;

    private static readonly TlsCipherSuite Aes128Gcm = TlsCipherSuites.Find(0x1301)!;

    [Fact]
    public void Should_give_the_server_flight_When_its_handshake_record_is_decrypted()
    {
        using var server = Tls13(Rfc8448.ServerHandshakeTrafficSecret);

        var (content, type) = Decrypt(server, Rfc8448.ServerFlightRecord);

        // EncryptedExtensions, Certificate, CertificateVerify, Finished.
        Assert.Equal(Rfc8448.ServerFlightPlaintext, content);
        Assert.Equal(Handshake, type);
        Assert.Equal([8, 11, 15, 20], HandshakeTypes(content));
        Assert.Equal(1UL, server.SequenceNumber);
    }

    [Fact]
    public void Should_give_the_client_finished_When_its_handshake_record_is_decrypted()
    {
        using var client = Tls13(Rfc8448.ClientHandshakeTrafficSecret);

        var (content, type) = Decrypt(client, Rfc8448.ClientFinishedRecord);

        Assert.Equal(Rfc8448.ClientFinishedPlaintext, content);
        Assert.Equal(Handshake, type);
    }

    [Fact]
    public void Should_give_each_server_record_in_turn_When_they_are_decrypted_in_sequence()
    {
        using var server = Tls13(Rfc8448.ServerApplicationTrafficSecret);

        AssertDecrypts(server, Rfc8448.NewSessionTicketRecord, Rfc8448.NewSessionTicketPlaintext, Handshake);
        AssertDecrypts(server, Rfc8448.ServerApplicationDataRecord, Rfc8448.ServerApplicationDataPlaintext, ApplicationData);
        AssertDecrypts(server, Rfc8448.ServerAlertRecord, [1, 0], Alert);
        Assert.Equal(3UL, server.SequenceNumber);
    }

    [Fact]
    public void Should_give_each_client_record_in_turn_When_they_are_decrypted_in_sequence()
    {
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);

        AssertDecrypts(client, Rfc8448.ClientApplicationDataRecord, Rfc8448.ClientApplicationDataPlaintext, ApplicationData);
        AssertDecrypts(client, Rfc8448.ClientAlertRecord, [1, 0], Alert);
    }

    [Fact]
    public void Should_fail_without_counting_the_record_When_the_keys_are_another_directions()
    {
        using var wrong = Tls13(Rfc8448.ClientHandshakeTrafficSecret);

        Assert.False(TryDecrypt(wrong, Rfc8448.ServerFlightRecord, out _, out _));
        Assert.Equal(0UL, wrong.SequenceNumber);
        Assert.True(TryDecrypt(wrong, Rfc8448.ClientFinishedRecord, out _, out _));
    }

    [Fact]
    public void Should_keep_its_sequence_number_When_a_record_is_skipped()
    {
        using var server = Tls13(Rfc8448.ServerApplicationTrafficSecret);

        // The application data record was sent at number 1; tried at 0 it fails, and 0 stays for the ticket.
        Assert.False(TryDecrypt(server, Rfc8448.ServerApplicationDataRecord, out _, out _));
        Assert.Equal(0UL, server.SequenceNumber);
        Assert.True(TryDecrypt(server, Rfc8448.NewSessionTicketRecord, out _, out _));
        Assert.True(TryDecrypt(server, Rfc8448.ServerApplicationDataRecord, out _, out _));
    }

    [Theory]
    [InlineData(5)]     // a byte of the ciphertext
    [InlineData(678)]   // the last byte of the tag
    public void Should_fail_When_a_byte_of_the_record_changed(int at)
    {
        using var server = Tls13(Rfc8448.ServerHandshakeTrafficSecret);
        var record = Rfc8448.ServerFlightRecord.ToArray();
        record[at] ^= 0x01;

        Assert.False(TryDecrypt(server, record, out _, out _));
        Assert.Equal(0UL, server.SequenceNumber);
    }

    [Fact]
    public void Should_fail_When_the_header_is_not_the_one_the_record_was_sent_with()
    {
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);
        var body = Rfc8448.ClientApplicationDataRecord[5..];
        var plaintext = new byte[body.Length];

        // The header is the additional data: another type or version does not authenticate.
        Assert.False(client.TryDecrypt(Handshake, 0x0303, body, plaintext, out _, out _));
        Assert.False(client.TryDecrypt(ApplicationData, 0x0301, body, plaintext, out _, out _));
        Assert.True(client.TryDecrypt(ApplicationData, 0x0303, body, plaintext, out _, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)] // the tag and no inner content type
    [InlineData(50)] // cut short
    public void Should_fail_When_the_body_is_truncated(int length)
    {
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);
        var body = Rfc8448.ClientApplicationDataRecord.AsSpan(5, length);
        var plaintext = new byte[100];

        Assert.False(client.TryDecrypt(ApplicationData, 0x0303, body, plaintext, out int written, out _));
        Assert.Equal(0, written);
        Assert.Equal(0UL, client.SequenceNumber);
    }

    [Fact]
    public void Should_fail_without_counting_the_record_When_the_plaintext_buffer_is_too_small()
    {
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);
        var body = Rfc8448.ClientApplicationDataRecord[5..];

        // 67 bytes of body: 51 of inner plaintext and the 16-byte tag.
        Assert.False(client.TryDecrypt(ApplicationData, 0x0303, body, new byte[50], out _, out _));
        Assert.Equal(0UL, client.SequenceNumber);
        Assert.True(client.TryDecrypt(ApplicationData, 0x0303, body, new byte[51], out int length, out _));
        Assert.Equal(50, length);
    }

    [Fact]
    public void Should_strip_the_padding_When_the_content_type_is_followed_by_zeros()
    {
        var record = Seal(Rfc8448.ClientApplicationKey, Rfc8448.ClientApplicationIv, [(byte)'h', (byte)'i', ApplicationData, 0, 0, 0, 0, 0, 0, 0]);
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);

        AssertDecrypts(client, record, "hi"u8.ToArray(), ApplicationData);
    }

    [Fact]
    public void Should_fail_but_count_the_record_When_it_authenticates_and_is_all_padding()
    {
        var record = Seal(Rfc8448.ClientApplicationKey, Rfc8448.ClientApplicationIv, new byte[8]);
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);

        Assert.False(TryDecrypt(client, record, out int length, out byte type));
        Assert.Equal((0, (byte)0), (length, type));
        // The sender used number 0 for it, so the next record is at 1.
        Assert.Equal(1UL, client.SequenceNumber);
    }

    [Fact]
    public void Should_make_no_decryptor_When_the_secret_or_keys_do_not_fit_the_suite()
    {
        var tls12 = TlsCipherSuites.Find(0xC02F)!;

        Assert.Null(TlsRecordDecryptor.CreateTls13(tls12, new byte[32]));
        Assert.Null(TlsRecordDecryptor.CreateTls13(Aes128Gcm, new byte[48]));
        Assert.Null(TlsRecordDecryptor.CreateTls13(TlsCipherSuites.Find(0x1302)!, new byte[32]));
        Assert.Null(TlsRecordDecryptor.CreateTls12(Aes128Gcm, new byte[16], new byte[12]));
        Assert.Null(TlsRecordDecryptor.CreateTls12(tls12, new byte[32], new byte[4]));
        Assert.Null(TlsRecordDecryptor.CreateTls12(tls12, new byte[16], new byte[12]));
        Assert.Null(TlsRecordDecryptor.CreateTls12(TlsCipherSuites.Find(0xCCA8)!, new byte[32], new byte[4]));
    }

    [Fact]
    public void Should_refuse_a_key_update_When_the_connection_is_tls12()
    {
        using var tls12 = TlsRecordDecryptor.CreateTls12(TlsCipherSuites.Find(0xC02F)!, new byte[16], new byte[4])!;

        Assert.False(tls12.KeyUpdate());
    }

    [Fact]
    public void Should_start_again_at_zero_with_the_next_secret_When_the_keys_are_updated()
    {
        var next = Tls13KeySchedule.NextTrafficSecret(Aes128Gcm, Rfc8448.ClientApplicationTrafficSecret);
        var nextKeys = Tls13KeySchedule.TrafficKeys(Aes128Gcm, next);
        var record = Seal(nextKeys.Key, nextKeys.Iv, [.. "after"u8, ApplicationData]);
        using var client = Tls13(Rfc8448.ClientApplicationTrafficSecret);
        Assert.True(TryDecrypt(client, Rfc8448.ClientApplicationDataRecord, out _, out _));

        Assert.True(client.KeyUpdate());

        Assert.Equal(0UL, client.SequenceNumber);
        AssertDecrypts(client, record, "after"u8.ToArray(), ApplicationData);
    }

    [Theory]
    [InlineData(0x1301)]
    [InlineData(0x1303)]
    [InlineData(0x1305)]
    [InlineData(0xC030)]
    [InlineData(0xCCA8)]
    [InlineData(0xC0A0)]
    public void Should_never_throw_When_the_body_is_random_bytes(int id)
    {
        var suite = TlsCipherSuites.Find((ushort)id)!;
        using var decryptor = suite.IsTls13
            ? TlsRecordDecryptor.CreateTls13(suite, new byte[suite.HashLength])!
            : TlsRecordDecryptor.CreateTls12(suite, new byte[suite.KeyLength], new byte[suite.IvLength])!;
        var random = new Random(id);
        var plaintext = new byte[300];
        for (int i = 0; i < 300; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            Assert.False(decryptor.TryDecrypt(ApplicationData, 0x0303, body, plaintext, out _, out _));
        }

        Assert.Equal(0UL, decryptor.SequenceNumber);
    }

    private static TlsRecordDecryptor Tls13(byte[] secret) => TlsRecordDecryptor.CreateTls13(Aes128Gcm, secret)!;

    private static bool TryDecrypt(TlsRecordDecryptor decryptor, byte[] record, out int length, out byte contentType) =>
        decryptor.TryDecrypt(record[0], (ushort)((record[1] << 8) | record[2]), record.AsSpan(5), new byte[record.Length], out length, out contentType);

    /// <summary>The content and real type of a record that must decrypt.</summary>
    private static (byte[] Content, byte Type) Decrypt(TlsRecordDecryptor decryptor, byte[] record)
    {
        var plaintext = new byte[record.Length];
        Assert.True(decryptor.TryDecrypt(record[0], (ushort)((record[1] << 8) | record[2]), record.AsSpan(5), plaintext, out int length, out byte type));
        return (plaintext[..length], type);
    }

    private static void AssertDecrypts(TlsRecordDecryptor decryptor, byte[] record, byte[] content, byte type)
    {
        var (actualContent, actualType) = Decrypt(decryptor, record);

        Assert.Equal(content, actualContent);
        Assert.Equal(type, actualType);
    }

    /// <summary>The message types of the handshake messages back to back in <paramref name="content"/>.</summary>
    private static List<int> HandshakeTypes(byte[] content)
    {
        var types = new List<int>();
        for (int at = 0; at + 4 <= content.Length; at += 4 + ((content[at + 1] << 16) | (content[at + 2] << 8) | content[at + 3]))
        {
            types.Add(content[at]);
        }

        return types;
    }

    /// <summary>A TLS 1.3 AES-128-GCM record at sequence number 0 around an inner plaintext, sealed by the platform's AesGcm.</summary>
    private static byte[] Seal(byte[] key, byte[] iv, byte[] innerPlaintext)
    {
        int bodyLength = innerPlaintext.Length + 16;
        byte[] header = [ApplicationData, 3, 3, (byte)(bodyLength >> 8), (byte)bodyLength];
        var ciphertext = new byte[innerPlaintext.Length];
        var tag = new byte[16];
        using var gcm = new AesGcm(key, 16);
        gcm.Encrypt(iv, innerPlaintext, ciphertext, tag, header);
        return [.. header, .. ciphertext, .. tag];
    }
}
