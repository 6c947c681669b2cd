using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// The handshake messages of one direction as decryption reveals them: a stream of (type, 24-bit
/// length, body) across decrypted handshake records. Each message is named once it is complete;
/// of a Certificate, its certificates are counted. A message whose length is beyond what any
/// handshake needs, or whose type no TLS version defines, stops the direction (the plaintext is not
/// a handshake this reader can follow).
/// </summary>
internal sealed class TlsPlainHandshake
{
    /// <summary>Longest body kept to be read (a Certificate's list); longer ones are named, not read.</summary>
    private const int BodyLimit = 64 * 1024;

    /// <summary>Longest message accepted at all (2^24 - 1 is the field's limit; no real handshake message comes close).</summary>
    private const int MessageLimit = 1 << 20;

    private const byte NewSessionTicket = 4;
    private const byte KeyUpdateType = 24;

    private readonly byte[] _header = new byte[4];
    private readonly HeadBuffer _body = new(BodyLimit);
    private int _headerCount;
    private int _left;
    private int _length;

    /// <summary>True once the plaintext stopped looking like a handshake stream.</summary>
    public bool Stopped { get; private set; }

    /// <summary>
    /// Reads the next decrypted handshake bytes. Named messages are added to <paramref name="found"/>;
    /// the number of KeyUpdate messages completed is returned, for the caller to move to the next keys.
    /// </summary>
    public int Read(ReadOnlySpan<byte> plaintext, long offset, List<AppMessage> found, bool tls13)
    {
        int keyUpdates = 0;
        while (!plaintext.IsEmpty && !Stopped)
        {
            int take;
            if (_headerCount < 4)
            {
                take = Math.Min(4 - _headerCount, plaintext.Length);
                plaintext[..take].CopyTo(_header.AsSpan(_headerCount));
                _headerCount += take;
                if (_headerCount == 4)
                {
                    _length = _left = (_header[1] << 16) | (_header[2] << 8) | _header[3];
                    _body.Clear();
                    if (TlsNames.Handshake(_header[0]) is null || _length > MessageLimit)
                    {
                        Stopped = true;
                        break;
                    }
                }
            }
            else
            {
                take = Math.Min(_left, plaintext.Length);
                _body.Append(plaintext[..take]);
                _left -= take;
            }

            plaintext = plaintext[take..];
            if (_headerCount == 4 && _left == 0)
            {
                keyUpdates += Complete(offset, found, tls13);
                _headerCount = 0;
            }
        }

        return keyUpdates;
    }

    /// <summary>Names the message just completed; 1 for a KeyUpdate, else 0.</summary>
    private int Complete(long offset, List<AppMessage> found, bool tls13)
    {
        byte type = _header[0];
        if (type == NewSessionTicket)
        {
            // Tickets are the server's to send when and as often as it likes: two good runs differ in them.
            return 0;
        }

        var detail = new TlsDetail(TlsMessageType.Handshake) { HandshakeType = type, HandshakeName = TlsNames.Handshake(type) };
        if (type == TlsDetail.CertificateMessage)
        {
            int? count = _body.Count == _length ? CountCertificates(_body.Bytes, tls13) : null;
            detail = detail with { NoCertificates = count == 0, CertificateCount = count > 0 ? count : null };
        }

        found.Add(new AppMessage(offset, detail));
        return type == KeyUpdateType ? 1 : 0;
    }

    /// <summary>
    /// The certificates in a Certificate body: TLS 1.3 has a request context and entries of
    /// (certificate, extensions); TLS 1.2 a list of certificates (RFC 8446 §4.4.2, RFC 5246 §7.4.2).
    /// Null when the lengths do not add up.
    /// </summary>
    private static int? CountCertificates(ReadOnlySpan<byte> body, bool tls13)
    {
        var reader = new SpanReader(body);
        if (tls13 && !reader.TrySkipVector(1))
        {
            return null;
        }

        if (!reader.TryUInt24(out int listLength) || listLength != reader.Remaining)
        {
            return null;
        }

        int count = 0;
        while (reader.Remaining > 0)
        {
            if (!reader.TrySkipVector(3) || (tls13 && !reader.TrySkipVector(2)))
            {
                return null;
            }

            count++;
        }

        return count;
    }
}
