using System.Buffers.Binary;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// TLS over TCP: walks the records of each direction (RFC 5246 §6.2, RFC 8446 §5.1) by their length,
/// and the handshake messages inside plaintext handshake records, which may span records or share
/// one. Only the hellos are kept for reading (their first 16 KB); every other body is skipped as it
/// passes. Once a side has sent ChangeCipherSpec (TLS 1.2 and earlier), or once the server has chosen
/// TLS 1.3, that side's handshake is encrypted and only its first encrypted record is named.
/// </summary>
internal sealed class TlsDecoder : AppDecoder
{
    /// <summary>Largest record length any TLS version allows (a TLSCiphertext: 2^14 + 2048).</summary>
    public const int MaxRecordLength = (1 << 14) + 2048;

    private const int HelloLimit = 16 * 1024;
    private const byte ChangeCipherSpec = 20;
    private const byte AlertRecord = 21;
    private const byte HandshakeRecord = 22;
    private const byte ApplicationData = 23;
    private const byte Heartbeat = 24;
    private const byte ClientHelloType = 1;
    private const byte ServerHelloType = 2;
    private const byte CertificateType = 11;

    /// <summary>Records of one direction reported at most (enough for the handshake and what follows it).</summary>
    private const int MaxRecords = 32;

    private readonly Side[] _sides = [new Side(), new Side()];

    /// <summary>The server chose TLS 1.3: from its ServerHello on, every handshake byte is encrypted.</summary>
    private bool _tls13;

    /// <summary>
    /// The server sent a HelloRetryRequest, which only TLS 1.3 has: a client's ChangeCipherSpec is then
    /// the middlebox-compatibility dummy before a second, still plaintext, ClientHello (RFC 8446 §D.4).
    /// </summary>
    private bool _retried;

    public override string Protocol => "TLS";

    /// <inheritdoc />
    public override EventKind Kind => EventKind.Tls;

    /// <inheritdoc />
    public override bool PayloadIsOpaque => true;

    public override void Feed(Direction direction, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        var side = _sides[SideOf(direction)];
        if (!side.Cursor.Admit(ref offset, ref bytes))
        {
            return;
        }

        while (!bytes.IsEmpty && !side.Cursor.Stopped)
        {
            int used = side.HeaderCount < 5 ? ReadHeader(side, offset, bytes, found) : ReadContent(side, offset, bytes, found);
            bytes = bytes[used..];
            offset += used;
        }
    }

    public override void Gap(Direction direction) => _sides[SideOf(direction)].Cursor.Stop();

    private int ReadHeader(Side side, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        if (side.HeaderCount == 0)
        {
            side.RecordOffset = offset;
        }

        int take = Math.Min(5 - side.HeaderCount, bytes.Length);
        bytes[..take].CopyTo(side.Header.AsSpan(side.HeaderCount));
        side.HeaderCount += take;
        if (side.HeaderCount == 5)
        {
            StartRecord(side, found);
        }

        return take;
    }

    private void StartRecord(Side side, List<AppMessage> found)
    {
        byte type = side.Header[0];
        int length = BinaryPrimitives.ReadUInt16BigEndian(side.Header.AsSpan(3));
        bool knownType = type is >= ChangeCipherSpec and <= Heartbeat;
        if (!knownType || side.Header[1] != 3 || side.Header[2] > 4 || length > MaxRecordLength
            || (length == 0 && type != ApplicationData))
        {
            // Not a record header: the stream is not (or no longer) TLS we can follow.
            side.Cursor.Stop();
            return;
        }

        side.RecordLeft = length;
        side.AlertCount = 0;
        if (Records is { } records && side.RecordsReported < MaxRecords)
        {
            side.RecordsReported++;
            records.Add(new TlsRecord(type, length));
        }

        switch (type)
        {
            case ChangeCipherSpec:
                found.Add(new AppMessage(side.RecordOffset, new TlsDetail(TlsMessageType.ChangeCipherSpec)));
                if (!_tls13 && !_retried)
                {
                    side.AfterChangeCipherSpec = true;
                    side.HandshakeCount = 0;
                }

                break;
            case AlertRecord when length != 2:
                found.Add(new AppMessage(side.RecordOffset, new TlsDetail(side.AfterChangeCipherSpec ? TlsMessageType.EncryptedAlert : TlsMessageType.MalformedAlert)));
                break;
            case HandshakeRecord when side.AfterChangeCipherSpec && !side.FinishedNamed:
                // TLS 1.2 and earlier: the first handshake message under the new keys is Finished.
                side.FinishedNamed = true;
                found.Add(new AppMessage(side.RecordOffset, new TlsDetail(TlsMessageType.EncryptedFinished)));
                break;
        }

        if (side.RecordLeft == 0)
        {
            side.HeaderCount = 0;
        }
    }

    private int ReadContent(Side side, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        int take = Math.Min(side.RecordLeft, bytes.Length);
        var content = bytes[..take];
        switch (side.Header[0])
        {
            case AlertRecord when side.RecordLength == 2:
                foreach (byte b in content)
                {
                    side.Alert[side.AlertCount++] = b;
                }

                if (side.AlertCount == 2)
                {
                    found.Add(new AppMessage(side.RecordOffset, new TlsDetail(TlsMessageType.Alert) { AlertLevel = side.Alert[0], AlertDescription = side.Alert[1] }));
                }

                break;
            case HandshakeRecord when !side.AfterChangeCipherSpec:
                ReadHandshake(side, offset, content, found);
                break;
        }

        side.RecordLeft -= take;
        if (side.RecordLeft == 0)
        {
            side.HeaderCount = 0;
        }

        return take;
    }

    /// <summary>The handshake layer: a stream of (type, 24-bit length, body) across the handshake records.</summary>
    private void ReadHandshake(Side side, long offset, ReadOnlySpan<byte> content, List<AppMessage> found)
    {
        while (!content.IsEmpty && !side.Cursor.Stopped && !_tls13)
        {
            int take;
            if (side.HandshakeCount < 4)
            {
                if (side.HandshakeCount == 0)
                {
                    side.MessageOffset = offset == side.RecordOffset + 5 ? side.RecordOffset : offset;
                }

                take = Math.Min(4 - side.HandshakeCount, content.Length);
                content[..take].CopyTo(side.Handshake.AsSpan(side.HandshakeCount));
                side.HandshakeCount += take;
                if (side.HandshakeCount == 4)
                {
                    StartMessage(side, found);
                }
            }
            else
            {
                take = Math.Min(side.MessageLeft, content.Length);
                if (side.Hello.Count < side.HelloWant)
                {
                    side.Hello.Append(content[..Math.Min(take, side.HelloWant - side.Hello.Count)]);
                    if (side.Hello.Count == side.HelloWant)
                    {
                        NameHello(side, found);
                    }
                }

                side.MessageLeft -= take;
            }

            if (side.HandshakeCount == 4 && side.MessageLeft == 0)
            {
                side.HandshakeCount = 0;
            }

            content = content[take..];
            offset += take;
        }
    }

    private void StartMessage(Side side, List<AppMessage> found)
    {
        byte type = side.Handshake[0];
        string? name = TlsNames.Handshake(type);
        if (name is null)
        {
            side.Cursor.Stop();
            return;
        }

        side.MessageLeft = (side.Handshake[1] << 16) | (side.Handshake[2] << 8) | side.Handshake[3];
        side.MessageLength = side.MessageLeft;
        side.Hello.Clear();
        side.HelloWant = 0;
        if (type is ClientHelloType or ServerHelloType or CertificateType)
        {
            // A hello is read for its fields; of a Certificate, the length of its list (3 bytes) says whether it is empty.
            side.HelloType = type;
            side.HelloWant = Math.Min(side.MessageLeft, type == CertificateType ? 3 : HelloLimit);
            if (side.HelloWant == 0)
            {
                NameHello(side, found);
            }
        }
        else
        {
            found.Add(new AppMessage(side.MessageOffset, new TlsDetail(TlsMessageType.Handshake) { HandshakeType = type, HandshakeName = name }));
        }
    }

    private void NameHello(Side side, List<AppMessage> found)
    {
        if (side.HelloType == CertificateType)
        {
            // TLS 1.2's Certificate is one certificate_list: empty, it is 3 bytes of zero length and nothing else.
            var list = side.Hello.Bytes;
            bool empty = side.MessageLength == 3 && list.Length == 3 && list[0] == 0 && list[1] == 0 && list[2] == 0;
            found.Add(new AppMessage(side.MessageOffset, new TlsDetail(TlsMessageType.Handshake)
            {
                HandshakeType = CertificateType,
                HandshakeName = TlsNames.Handshake(CertificateType),
                NoCertificates = empty,
            }));
            return;
        }

        if (side.HelloType == ClientHelloType)
        {
            found.Add(new AppMessage(side.MessageOffset, TlsHello.ClientHello(side.Hello.Bytes)));
            return;
        }

        var hello = TlsHello.ServerHello(side.Hello.Bytes);
        found.Add(new AppMessage(side.MessageOffset, hello));
        bool retry = hello.Type == TlsMessageType.HelloRetryRequest;
        _retried |= retry;
        if (hello.ChoseTls13)
        {
            // Everything after the ServerHello is encrypted, in both directions (RFC 8446 §2).
            _tls13 = true;
        }
    }

    /// <summary>One direction's place in the record layer and in the handshake layer above it.</summary>
    private sealed class Side
    {
        public StreamCursor Cursor { get; } = new();

        public byte[] Header { get; } = new byte[5];

        public int RecordsReported { get; set; }

        public int HeaderCount { get; set; }

        public long RecordOffset { get; set; }

        public int RecordLength => BinaryPrimitives.ReadUInt16BigEndian(Header.AsSpan(3));

        public int RecordLeft { get; set; }

        public byte[] Alert { get; } = new byte[2];

        public int AlertCount { get; set; }

        public bool AfterChangeCipherSpec { get; set; }

        public bool FinishedNamed { get; set; }

        public byte[] Handshake { get; } = new byte[4];

        public int HandshakeCount { get; set; }

        public long MessageOffset { get; set; }

        public int MessageLeft { get; set; }

        public int MessageLength { get; set; }

        public byte HelloType { get; set; }

        public int HelloWant { get; set; }

        public HeadBuffer Hello { get; } = new(HelloLimit);
    }
}
