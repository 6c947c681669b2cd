using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;
using PcapDiff.Core.Tests.Builders;
using static PcapDiff.Core.Tests.Builders.TlsWire;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>The TLS decoder names the plaintext handshake, the change to encryption and the alerts.</summary>
public sealed class TlsDecoderTests
{
    /// <summary>
    /// A TLS 1.2 full handshake as a browser and server run it: client hello; the server's flight in
    /// one record; the client's key exchange, ChangeCipherSpec and encrypted Finished; the server's
    /// ticket, ChangeCipherSpec and encrypted Finished; application data; an encrypted close_notify.
    /// </summary>
    internal static Segment[] Tls12Handshake() =>
    [
        Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello("collector.test", ["h2", "http/1.1"])))),
        Segment.Server(HandshakeRecord(
            Handshake(ServerHelloType, ServerHello(Tls12, 0xc02f, alpn: "h2")),
            Handshake(CertificateType, new byte[700]),
            Handshake(ServerKeyExchangeType, new byte[100]),
            Handshake(ServerHelloDoneType, []))),
        Segment.Client([.. HandshakeRecord(Handshake(ClientKeyExchangeType, new byte[33])), .. ChangeCipherSpec(), .. Encrypted(HandshakeType, 40)]),
        Segment.Server([.. HandshakeRecord(Handshake(NewSessionTicketType, new byte[180])), .. ChangeCipherSpec(), .. Encrypted(HandshakeType, 40)]),
        Segment.Client(Encrypted(ApplicationDataType, 300)),
        Segment.Server([.. Encrypted(ApplicationDataType, 1200), .. Encrypted(HandshakeType, 60)]),
        Segment.Client(Encrypted(AlertType, 26)),
    ];

    /// <summary>A TLS 1.3 handshake with GREASE in the offered versions, the compatibility ChangeCipherSpecs and encrypted records.</summary>
    internal static Segment[] Tls13Handshake() =>
    [
        Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello("collector.test", ["h2"], [0x3a3a, Tls13, Tls12])))),
        Segment.Server([.. HandshakeRecord(Handshake(ServerHelloType, ServerHello(Tls12, 0x1301, selectedVersion: Tls13))), .. ChangeCipherSpec(), .. Encrypted(ApplicationDataType, 900)]),
        Segment.Client([.. ChangeCipherSpec(), .. Encrypted(ApplicationDataType, 53)]),
        Segment.Server(Encrypted(ApplicationDataType, 250)),
        Segment.Client(Encrypted(ApplicationDataType, 19)),
    ];

    [Fact]
    public void Should_name_each_step_When_a_tls12_handshake_completes()
    {
        var found = StreamScript.Run(new TlsDecoder(), Tls12Handshake());

        Assert.Equal(
            [
                "TLS ClientHello sni=collector.test alpn=h2,http/1.1",
                "TLS ServerHello 1.2 cipher=0xc02f alpn=h2",
                "TLS Certificate",
                "TLS ServerKeyExchange",
                "TLS ServerHelloDone",
                "TLS ClientKeyExchange",
                "TLS ChangeCipherSpec",
                "TLS Finished (encrypted)",
                "TLS NewSessionTicket",
                "TLS ChangeCipherSpec",
                "TLS Finished (encrypted)",
                "TLS alert (encrypted)",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_place_each_message_at_its_record_or_handshake_header_When_several_share_a_record()
    {
        var found = StreamScript.Run(new TlsDecoder(), Tls12Handshake());
        int helloLength = 4 + ServerHello(Tls12, 0xc02f, alpn: "h2").Length;

        var server = found.Where(f => f.Direction == Direction.ServerToClient).Take(4).Select(f => f.Offset);

        // The first message starts at its record header, the next ones at their own handshake headers.
        Assert.Equal([0L, 5 + helloLength, 5 + helloLength + 704, 5 + helloLength + 704 + 104], server);
    }

    [Fact]
    public void Should_name_the_alert_When_a_tls12_client_rejects_the_certificate()
    {
        Segment[] segments =
        [
            .. Tls12Handshake().Take(2),
            Segment.Client(Alert(2, 48)),
            Segment.Server(Alert(1, 0)),
        ];

        var found = StreamScript.Run(new TlsDecoder(), segments);

        Assert.Equal(["TLS alert fatal unknown_ca", "TLS alert warning close_notify"], found.Texts()[^2..]);
    }

    [Theory]
    [InlineData(20, "bad_record_mac")]
    [InlineData(40, "handshake_failure")]
    [InlineData(70, "protocol_version")]
    [InlineData(86, "inappropriate_fallback")]
    [InlineData(112, "unrecognized_name")]
    [InlineData(116, "certificate_required")]
    [InlineData(120, "no_application_protocol")]
    [InlineData(123, "alert 123")]
    public void Should_use_the_rfc_name_When_an_alert_is_plaintext(byte description, string name)
    {
        var found = StreamScript.Run(new TlsDecoder(), [Segment.Server(Alert(2, description))]);

        Assert.Equal([$"TLS alert fatal {name}"], found.Texts());
    }

    [Fact]
    public void Should_not_read_an_alert_When_its_record_is_not_two_bytes()
    {
        Segment[] segments =
        [
            Segment.Client(Record(AlertType, [2, 40, 0])),                      // plaintext, but not one alert
            Segment.Server([.. ChangeCipherSpec(), .. Record(AlertType, [1, 0])]), // under keys, yet two bytes: readable
            Segment.Server(Encrypted(AlertType, 26)),
        ];

        var found = StreamScript.Run(new TlsDecoder(), segments);

        Assert.Equal(["TLS alert (malformed)", "TLS ChangeCipherSpec", "TLS alert warning close_notify", "TLS alert (encrypted)"], found.Texts());
    }

    [Fact]
    public void Should_show_nothing_after_the_server_hello_When_the_server_chose_tls13()
    {
        var found = StreamScript.Run(new TlsDecoder(), Tls13Handshake());

        Assert.Equal(
            [
                "TLS ClientHello sni=collector.test alpn=h2 versions=1.3,1.2",
                "TLS ServerHello 1.3 cipher=0x1301",
                "TLS ChangeCipherSpec",
                "TLS ChangeCipherSpec",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_read_the_second_client_hello_When_the_server_asks_for_a_retry()
    {
        Segment[] segments =
        [
            Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello("collector.test", versions: [Tls13])))),
            Segment.Server([.. HandshakeRecord(Handshake(ServerHelloType, HelloRetryRequest())), .. ChangeCipherSpec()]),
            // The client's compatibility ChangeCipherSpec comes before its second, still plaintext, hello.
            Segment.Client([.. ChangeCipherSpec(), .. HandshakeRecord(Handshake(ClientHelloType, ClientHello("collector.test", versions: [Tls13], randomFill: 7)))]),
            Segment.Server([.. HandshakeRecord(Handshake(ServerHelloType, ServerHello(Tls12, 0x1302, selectedVersion: Tls13))), .. Encrypted(ApplicationDataType, 80)]),
        ];

        var found = StreamScript.Run(new TlsDecoder(), segments);

        Assert.Equal(
            [
                "TLS ClientHello sni=collector.test versions=1.3",
                "TLS HelloRetryRequest",
                "TLS ChangeCipherSpec",
                "TLS ChangeCipherSpec",
                "TLS ClientHello sni=collector.test versions=1.3",
                "TLS ServerHello 1.3 cipher=0x1302",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_give_the_same_text_When_only_randoms_and_session_ids_differ()
    {
        var one = StreamScript.Run(new TlsDecoder(), [Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello("a.test", ["h2"], [Tls13], randomFill: 1))))]);
        var two = StreamScript.Run(new TlsDecoder(), [Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello("a.test", ["h2"], [Tls13], randomFill: 2))))]);

        Assert.Equal(one, two);
    }

    [Fact]
    public void Should_report_one_hello_at_the_first_record_When_it_spans_several_records()
    {
        byte[] hello = Handshake(ClientHelloType, ClientHello("collector.test", ["h2", "http/1.1"], [Tls13, Tls12]));
        byte[] records = Fragmented(37, hello);

        var found = StreamScript.Run(new TlsDecoder(), [Segment.Client(records)]);

        Assert.True(records.Length > hello.Length + 5 * 3);
        Assert.Equal([new Found(Direction.ClientToServer, 0, "TLS ClientHello sni=collector.test alpn=h2,http/1.1 versions=1.3,1.2")], found);
    }

    [Fact]
    public void Should_find_every_message_When_messages_are_cut_across_records_at_odd_places()
    {
        byte[][] messages =
        [
            Handshake(ServerHelloType, ServerHello(Tls12, 0xc02b)),
            Handshake(CertificateType, new byte[3000]),
            Handshake(CertificateRequestType, new byte[20]),
            Handshake(ServerHelloDoneType, []),
        ];

        foreach (int size in new[] { 1, 2, 3, 5, 7, 100, 4096 })
        {
            var found = StreamScript.Run(new TlsDecoder(), [Segment.Server(Fragmented(size, messages))]);

            Assert.Equal(["TLS ServerHello 1.2 cipher=0xc02b", "TLS Certificate", "TLS CertificateRequest", "TLS ServerHelloDone"], found.Texts());
        }
    }

    [Fact]
    public void Should_name_ssl3_When_the_server_hello_has_version_3_0()
    {
        var found = StreamScript.Run(new TlsDecoder(), [Segment.Server(HandshakeRecord(Handshake(ServerHelloType, ServerHello(0x0300, 0x000a))))]);

        Assert.Equal(["TLS ServerHello SSL3 cipher=0x000a"], found.Texts());
    }

    [Fact]
    public void Should_escape_and_cut_the_server_name_When_it_holds_control_bytes()
    {
        string name = "evil\r\n\u001b[2J" + new string('a', 100);

        var text = Assert.Single(StreamScript.Run(new TlsDecoder(), [Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello(name))))])).Text;

        Assert.StartsWith("TLS ClientHello sni=evil\\r\\n\\x1b[2Jaaaa", text, StringComparison.Ordinal);
        Assert.EndsWith("a…", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, char.IsControl);
    }

    [Fact]
    public void Should_stop_the_direction_When_a_record_header_is_not_tls()
    {
        byte[] tooLong = [HandshakeType, 3, 3, 0x48, 0x01];
        Segment[] segments =
        [
            Segment.Server([.. tooLong, .. new byte[50], .. Alert(2, 40)]),
            Segment.Client(Alert(2, 40)),
        ];

        var found = StreamScript.Run(new TlsDecoder(), segments);

        Assert.Equal([new Found(Direction.ClientToServer, 0, "TLS alert fatal handshake_failure")], found);
    }

    [Fact]
    public void Should_decode_no_more_of_a_direction_When_it_has_a_gap()
    {
        var decoder = new TlsDecoder();
        var found = new List<AppMessage>();
        byte[] alert = Alert(2, 40);

        decoder.Feed(Direction.ServerToClient, 0, alert, found);
        decoder.Gap(Direction.ServerToClient);
        decoder.Feed(Direction.ServerToClient, 7, alert, found);
        decoder.Feed(Direction.ClientToServer, 0, alert, found);
        decoder.Feed(Direction.ClientToServer, 100, alert, found);   // a jump forward is a gap too
        decoder.Feed(Direction.ClientToServer, 107, alert, found);

        Assert.Equal([(0, "TLS alert fatal handshake_failure"), (0, "TLS alert fatal handshake_failure")], found.Select(m => (m.Offset, m.Text)));
    }

    [Fact]
    public void Should_skip_bytes_seen_before_When_a_feed_overlaps_the_last()
    {
        var decoder = new TlsDecoder();
        var found = new List<AppMessage>();
        byte[] alerts = [.. Alert(2, 40), .. Alert(1, 0)];

        decoder.Feed(Direction.ServerToClient, 0, alerts.AsSpan(0, 9), found);
        decoder.Feed(Direction.ServerToClient, 3, alerts.AsSpan(3), found);

        Assert.Equal([(0, "TLS alert fatal handshake_failure"), (7, "TLS alert warning close_notify")], found.Select(m => (m.Offset, m.Text)));
    }

    [Fact]
    public void Should_decode_a_real_openssl_tls12_handshake_When_the_client_rejects_the_certificate()
    {
        var found = StreamScript.Run(new TlsDecoder(), CapturedStreams.Tls12UnknownCa);

        Assert.Equal(
            [
                "> 0 TLS ClientHello sni=collector.test alpn=h2,http/1.1",
                "< 0 TLS ServerHello 1.2 cipher=0xc02c alpn=h2",
                "< 79 TLS Certificate",
                "< 490 TLS ServerKeyExchange",
                "< 610 TLS ServerHelloDone",
                "> 229 TLS alert fatal unknown_ca",
            ],
            found.Select(f => f.ToString()));
    }

    [Fact]
    public void Should_decode_a_real_openssl_tls12_handshake_When_it_completes()
    {
        var found = StreamScript.Run(new TlsDecoder(), CapturedStreams.Tls12Full);

        Assert.Equal(
            [
                "TLS ClientHello sni=collector.test alpn=h2,http/1.1",
                "TLS ServerHello 1.2 cipher=0xc02c alpn=h2",
                "TLS Certificate",
                "TLS ServerKeyExchange",
                "TLS ServerHelloDone",
                "TLS ClientKeyExchange",
                "TLS ChangeCipherSpec",
                "TLS Finished (encrypted)",
                "TLS NewSessionTicket",
                "TLS ChangeCipherSpec",
                "TLS Finished (encrypted)",
                "TLS alert (encrypted)",
                "TLS alert (encrypted)",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_decode_a_real_openssl_tls13_handshake_When_everything_after_the_hellos_is_encrypted()
    {
        var found = StreamScript.Run(new TlsDecoder(), CapturedStreams.Tls13);

        Assert.Equal(
            [
                "TLS ClientHello sni=collector.test alpn=h2,http/1.1 versions=1.3,1.2,1.1,1.0",
                "TLS ServerHello 1.3 cipher=0x1302",
                "TLS ChangeCipherSpec",
                "TLS ChangeCipherSpec",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_say_the_certificate_is_empty_When_a_tls12_client_has_none_to_give()
    {
        var found = StreamScript.Run(new TlsDecoder(),
        [
            Segment.Client(HandshakeRecord(Handshake(ClientHelloType, ClientHello("collector.test", ["http/1.1"])))),
            Segment.Server(HandshakeRecord(
                Handshake(ServerHelloType, ServerHello(Tls12, 0xc030)),
                Handshake(CertificateType, [0, 0, 4, 0, 0, 1, 0x30]),
                Handshake(CertificateRequestType, new byte[20]),
                Handshake(ServerHelloDoneType, []))),
            Segment.Client(HandshakeRecord(Handshake(CertificateType, [0, 0, 0]), Handshake(ClientKeyExchangeType, new byte[33]))),
        ]);

        Assert.Equal(
            ["TLS Certificate", "TLS CertificateRequest", "TLS ServerHelloDone", "TLS Certificate (empty)", "TLS ClientKeyExchange"],
            found.Texts()[2..]);
    }

    [Fact]
    public void Should_report_each_record_by_its_header_When_the_caller_wants_them()
    {
        var decoder = new TlsDecoder { Records = [] };
        StreamScript.Run(decoder, Tls13Handshake());

        Assert.Equal(
            [
                new TlsRecord(22, decoder.Records[0].Length),
                new TlsRecord(22, decoder.Records[1].Length),
                new TlsRecord(20, 1),
                new TlsRecord(23, 900),
                new TlsRecord(20, 1),
                new TlsRecord(23, 53),
                new TlsRecord(23, 250),
                new TlsRecord(23, 19),
            ],
            decoder.Records);
        Assert.True(decoder.Records[^1].IsShortEncrypted);
        Assert.False(decoder.Records[5].IsShortEncrypted);
    }
}
