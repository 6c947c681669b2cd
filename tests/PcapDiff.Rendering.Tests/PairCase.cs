using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering.Tests;

/// <summary>A committed good/bad pair and what comparing it must say.</summary>
/// <param name="Name">The case's name; its verified text report is Snapshots/GoldenPairTests.NAME.verified.txt.</param>
/// <param name="Good">The good run, in testdata/captures.</param>
/// <param name="Bad">The bad run, in testdata/captures.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="HintId">The one hint the report gives, or null for none.</param>
/// <param name="GoodFrame">The good run's frame the first divergence points at (null: none, or an equivalent pair).</param>
/// <param name="BadFrame">The bad run's frame the first divergence points at.</param>
/// <param name="Sentence">The first divergence's whole sentence, or null for an equivalent pair.</param>
public sealed record PairCase(
    string Name, string Good, string Bad, Verdict Verdict, string? HintId, long? GoodFrame = null, long? BadFrame = null, string? Sentence = null)
{
    /// <summary>Every golden pair.</summary>
    public static IReadOnlyList<PairCase> All { get; } =
    [
        // Good runs that differ only in what must not count: the file format, the link layer, a raw client whose kernel RST was dropped,
        // segmentation, the vantage point, NAT, VLAN tags, races (DNS order, who closes first) and the TLS or MQTT version.
        new("two-nc-runs", "good-nc-1.pcap", "good-nc-2.pcap", Verdict.Equivalent, null),
        new("pcap-vs-pcapng", "good-nc-1.pcap", "good-nc-3.pcapng", Verdict.Equivalent, null),
        new("pcap-vs-linux-cooked-v2", "good-nc-1.pcap", "good-nc-3-any.pcap", Verdict.Equivalent, null),
        new("pcap-vs-linux-cooked-v1", "good-nc-1.pcap", "good-nc-3-sll.pcap", Verdict.Equivalent, null),
        new("raw-socket-with-rst-dropped", "good-nc-1.pcap", "fixed-raw-droprst.pcap", Verdict.Equivalent, null),
        new("other-segmentation", "good-nc-1.pcap", "good-nc-split.pcap", Verdict.Equivalent, null),
        new("smaller-mss", "bulk-good.pcap", "bulk-mss536.pcap", Verdict.Equivalent, null),
        new("captured-at-the-server", "good-nc-1.pcap", "good-nc-at-server.pcap", Verdict.Equivalent, null),
        new("client-behind-nat", "good-nc-1.pcap", "good-nc-nat.pcap", Verdict.Equivalent, null),
        new("vlan-tagged", "good-nc-1.pcap", "good-nc-vlan.pcap", Verdict.Equivalent, null),
        new("two-socat-runs", "socat-1.pcap", "socat-2.pcap", Verdict.Equivalent, null),
        new("parallel-dns-queries", "dns-parallel-1.pcap", "dns-parallel-2.pcap", Verdict.Equivalent, null),
        new("http-close-race", "http-200-1.pcap", "http-close-client-first.pcap", Verdict.Equivalent, null),
        new("mqtt-close-race", "mqtt-good-1.pcap", "mqtt-close-server-first.pcap", Verdict.Equivalent, null),
        new("two-udp-runs", "udp-good-1.pcap", "udp-good-2.pcap", Verdict.Equivalent, null),
        new("two-tls-runs", "tls-good-1.pcap", "tls-good-2.pcap", Verdict.Equivalent, null),
        new("two-tls13-runs", "tls13-good-1.pcap", "tls13-good-2.pcap", Verdict.Equivalent, null),
        new("two-mqtt-runs", "mqtt-good-1.pcap", "mqtt-good-2.pcap", Verdict.Equivalent, null),
        new("two-mqtt5-runs", "mqtt5-good-1.pcap", "mqtt5-good-2.pcap", Verdict.Equivalent, null),
        new("two-http-runs", "http-200-1.pcap", "http-200-2.pcap", Verdict.Equivalent, null),

        // Failures: each diverges where it goes wrong, says so in one sentence and, where a known pattern fits, gives its hint.
        new("raw-socket-reset-by-kernel", "good-nc-1.pcap", "bad-raw-rst.pcap", Verdict.Different, "client-rst-after-syn-ack", 5, 5,
            "After the server's SYN-ACK (#4) the client sent RST (#5), which the good run's client never sent. The server never acknowledged the client's 5 bytes (#8); it reset the connection less than 0.1 ms later (#9)."),
        new("wrong-handshake-ack", "fixed-raw-droprst.pcap", "bad-handshake-ack.pcap", Verdict.Different, "handshake-ack-mismatch", 5, 5,
            "After the server's SYN-ACK (#4) the client's ACK (#5) carried ack=0 (expected 1): the handshake's ACK must acknowledge the SYN-ACK's sequence number plus one. The server never acknowledged the client's 5 bytes (#7); it reset the connection less than 0.1 ms later (#8)."),
        new("port-refused", "good-nc-1.pcap", "refused.pcap", Verdict.Different, "syn-answered-by-rst", 4, 4,
            "The client connected to port 8515 where the good run's client connected to 8514; after the client's SYN (#3) the server sent RST (#4) instead of SYN-ACK."),
        new("wrong-port", "good-nc-1.pcap", "wrong-port.pcap", Verdict.Different, null, 3, 3,
            "The client connected to port 8515 where the good run's client connected to 8514."),
        new("syn-unanswered", "good-nc-1.pcap", "unanswered.pcap", Verdict.Different, "syn-unanswered", 4, 5,
            "After the client's SYN (#3-5, sent 3 times) the bad run stops: the server never sent SYN-ACK."),
        new("icmp-host-unreachable", "good-nc-1.pcap", "icmp-unreachable.pcap", Verdict.Different, "icmp-unreachable", 4, 4,
            "After the client's SYN (#3) an ICMP host-unreachable from 192.0.2.1 (#4) came back instead of SYN-ACK."),
        new("nxdomain", "good-nc-1.pcap", "nxdomain.pcap", Verdict.Different, "dns-nxdomain", 1, 1,
            "The client began with DNS query A nosuch.test (#1) instead of DNS query A collector.test."),
        new("dns-servfail", "good-nc-1.pcap", "servfail.pcap", Verdict.Different, "dns-failure", 2, 2,
            "After the client's DNS query A collector.test (#1) the server sent DNS response SERVFAIL A collector.test (no answers, #2) instead of DNS response NOERROR A collector.test (answers: A)."),
        new("dns-down", "good-nc-1.pcap", "dns-down.pcap", Verdict.Different, "dns-unanswered", 2, 2,
            "After the client's DNS query A collector.test (#1-2, sent 2 times) the bad run stops: the server never sent DNS response NOERROR A collector.test (answers: A)."),
        new("dead-first-resolver", "good-nc-1.pcap", "dns-dead-first-resolver.pcap", Verdict.Different, "dns-unanswered", null, 1,
            "Only the bad run asked 192.0.2.53 for collector.test (bad #1, no answer); the good run asked only 192.0.2.1 for it."),
        new("ipv4-vs-ipv6", "good-nc-1.pcap", "good-nc-v6.pcap", Verdict.Different, null, 1, 1,
            "The client began with DNS query AAAA collector.test (#1) instead of DNS query A collector.test."),
        new("server-reset-after-data", "good-nc-1.pcap", "server-rst-after-data.pcap", Verdict.Different, "server-rst-after-data", 8, 8,
            "After the client's 5 bytes of data (\"hoge\\n\", #6) the server sent RST (#8) instead of 4 bytes of data (\"201\\n\"). The server acknowledged the client's 5 bytes (#7) but never answered; it reset the connection 4 ms later (#8)."),
        new("server-silent-after-data", "good-nc-1.pcap", "server-silent.pcap", Verdict.Different, "server-silent-after-data", 8, 8,
            "After the client's 5 bytes of data (\"hoge\\n\", #6) the server never sent 4 bytes of data (\"201\\n\"); the client sent FIN (#8) next. The server acknowledged the client's 5 bytes (#7) but never answered; the client closed 3.0 s later (#8)."),
        new("data-never-acknowledged", "good-nc-1.pcap", "data-unacked.pcap", Verdict.Different, "data-never-acknowledged", 8, 11,
            "After the client's 5 bytes of data (\"hoge\\n\", #6-11, sent 6 times) the bad run stops: the server never sent 4 bytes of data (\"201\\n\"). The server never acknowledged the client's 5 bytes; the connection was still open when the capture ended."),
        new("socat-half-close", "good-nc-1.pcap", "socat-1.pcap", Verdict.Different, null, 8, 9,
            "After the client's 5 bytes of data (\"hoge\\n\", #6) the bad run has the server's 4 bytes of data (\"201\\n\") only later (#9, after the client's FIN)."),
        new("udp-unanswered", "udp-good-1.pcap", "udp-unanswered.pcap", Verdict.Different, "udp-unanswered", 4, 3,
            "After the client's datagram of 5 bytes (\"hoge\\n\", #3) the bad run stops: the server never sent a datagram of 4 bytes (\"201\\n\")."),
        new("lossy-transfer", "bulk-good.pcap", "bulk-lossy.pcap", Verdict.Equivalent, "retransmission-storm"),
        new("receiver-stops-reading", "bulk-good.pcap", "bulk-zero-window.pcap", Verdict.Different, "zero-window", 6, 6,
            "After the client's handshake ACK (#5) the client sent 14480 bytes of data (\"pcapdiff bulk 00\"…, #6-22, 2 segments sent again) instead of 200000 bytes of data (\"pcapdiff bulk 00\"…)."),
        new("tls-untrusted-certificate", "tls-good-1.pcap", "tls-untrusted.pcap", Verdict.Different, "tls-alert", 10, 10,
            "After the server's TLS ServerHelloDone (#8) the client sent TLS alert fatal unknown_ca (#10) instead of TLS ClientKeyExchange."),
        new("tls13-name-mismatch", "tls13-good-1.pcap", "tls13-name-mismatch.pcap", Verdict.Different, "tls13-handshake-aborted", 10, 10,
            "After the server's TLS ChangeCipherSpec (#8) the client sent 104 bytes of TLS data (#10-11) instead of 185 bytes of TLS data."),
        new("tls12-client-certificate-missing", "tls12-clientcert-good.pcap", "tls12-clientcert-missing.pcap", Verdict.Different, "tls-client-certificate-missing", 10, 10,
            "After the server's TLS ServerHelloDone (#8) the client sent TLS Certificate (empty) (#10) instead of TLS Certificate."),
        new("tls13-client-certificate-missing", "tls13-clientcert-good.pcap", "tls13-clientcert-missing.pcap", Verdict.Different, "tls-client-certificate-missing", 10, 10,
            "After the server's TLS ChangeCipherSpec (#8) the client sent 110 bytes of TLS data (#10) instead of 1319 bytes of TLS data."),
        new("mqtt-wrong-password", "mqtt-good-1.pcap", "mqtt-badauth.pcap", Verdict.Different, "mqtt-connack-refused", 8, 8,
            "After the client's MQTT CONNECT client=pcd-device-1 v3.1.1 user=device clean (#6) the server sent MQTT CONNACK refused: not authorized (5) (#8) instead of MQTT CONNACK accepted."),
        new("mqtt5-publish-denied", "mqtt5-good-1.pcap", "mqtt5-publish-denied.pcap", Verdict.Different, "mqtt-ack-refused", 11, 11,
            "After the client's MQTT PUBLISH pcd/test 5B qos1 (#10) the server sent MQTT PUBACK not authorized (#11) instead of MQTT PUBACK no matching subscribers."),
        new("mqtt-subscription-gets-nothing", "mqtt-subscribe-good.pcap", "mqtt-subscribe-denied.pcap", Verdict.Different, null, 13, 13,
            "After the server's MQTT SUBACK qos1 (#11) the server never sent MQTT PUBLISH pcd/test 5B qos1 retain; the client sent MQTT DISCONNECT (#13) next."),
        new("http-not-found", "http-200-1.pcap", "http-404.pcap", Verdict.Different, "http-error", 8, 8,
            "After the client's HTTP GET /hello.txt (#6) the server sent HTTP 404 File not found (#8) instead of HTTP 200 OK."),
        new("keep-alive-vs-two-connections", "http-keepalive.pcap", "http-two-connections.pcap", Verdict.Different, null, 8, 8,
            "After the client's HTTP GET /a.txt (#6) the server sent 191 bytes of data (\"HTTP/1.0 200 OK\\r\"…, #8-10) instead of 191 bytes of data (\"HTTP/1.1 200 OK\\r\"…)."),
    ];

    /// <summary>The cases as xunit theory data.</summary>
    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    /// <summary>Looks a case up by name.</summary>
    public static PairCase Get(string name) => All.Single(c => c.Name == name);
}
