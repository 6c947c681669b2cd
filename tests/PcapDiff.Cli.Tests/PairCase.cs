using PcapDiff.Core.Reporting;

namespace PcapDiff.Cli.Tests;

/// <summary>A committed good/bad pair and what comparing it must say.</summary>
public sealed record PairCase(string Name, string Good, string Bad, Verdict Verdict, string? HintId, string? DivergenceContains)
{
    /// <summary>Every golden pair; each has a verified text report under Snapshots/.</summary>
    public static IReadOnlyList<PairCase> All { get; } =
    [
        new("two-nc-runs", "good-nc-1.pcap", "good-nc-2.pcap", Verdict.Equivalent, null, null),
        new("pcap-vs-pcapng", "good-nc-1.pcap", "good-nc-3.pcapng", Verdict.Equivalent, null, null),
        new("pcap-vs-linux-cooked-v2", "good-nc-1.pcap", "good-nc-3-any.pcap", Verdict.Equivalent, null, null),
        new("pcap-vs-linux-cooked-v1", "good-nc-1.pcap", "good-nc-3-sll.pcap", Verdict.Equivalent, null, null),
        new("raw-socket-with-rst-dropped", "good-nc-1.pcap", "fixed-raw-droprst.pcap", Verdict.Equivalent, null, null),
        new("raw-socket-reset-by-kernel", "good-nc-1.pcap", "bad-raw-rst.pcap", Verdict.Different, "client-rst-after-syn-ack",
            "After the server's SYN-ACK (#4) the client sent RST (#5), which the good run's client never sent. The server never acknowledged the client's 5 bytes (#8); it reset the connection less than 0.1 ms later (#9)."),
        new("port-refused", "good-nc-1.pcap", "refused.pcap", Verdict.Different, "syn-answered-by-rst",
            "The client connected to port 8515 where the good run's client connected to 8514; after the client's SYN (#3) the server sent RST (#4) instead of SYN-ACK."),
        new("syn-unanswered", "good-nc-1.pcap", "unanswered.pcap", Verdict.Different, "syn-unanswered",
            "the server never sent SYN-ACK"),
        new("nxdomain", "good-nc-1.pcap", "nxdomain.pcap", Verdict.Different, "dns-nxdomain",
            "The client began with DNS query A nosuch.test (#1) instead of DNS query A collector.test."),
        new("server-reset-after-data", "good-nc-1.pcap", "server-rst-after-data.pcap", Verdict.Different, "server-rst-after-data",
            "the server sent RST"),
        new("data-never-acknowledged", "good-nc-1.pcap", "data-unacked.pcap", Verdict.Different, "data-never-acknowledged",
            "the server never sent 4 bytes of data (\"201\\n\")"),
        new("icmp-host-unreachable", "good-nc-1.pcap", "icmp-unreachable.pcap", Verdict.Different, "icmp-unreachable",
            "After the client's SYN (#3) an ICMP host-unreachable from 192.0.2.1 (#4) came back instead of SYN-ACK."),
        new("dns-servfail", "good-nc-1.pcap", "servfail.pcap", Verdict.Different, "dns-failure",
            "DNS response SERVFAIL A collector.test"),
        new("lossy-transfer", "bulk-good.pcap", "bulk-lossy.pcap", Verdict.Equivalent, "retransmission-storm", null),
        new("receiver-stops-reading", "bulk-good.pcap", "bulk-zero-window.pcap", Verdict.Different, "zero-window",
            "the client sent 14480 bytes of data"),
        new("two-tls-runs", "tls-good-1.pcap", "tls-good-2.pcap", Verdict.Equivalent, null, null),
        new("tls-untrusted-certificate", "tls-good-1.pcap", "tls-untrusted.pcap", Verdict.Different, "tls-alert",
            "After the server's TLS ServerHelloDone (#8) the client sent TLS alert fatal unknown_ca (#10) instead of TLS ClientKeyExchange."),
        new("two-mqtt-runs", "mqtt-good-1.pcap", "mqtt-good-2.pcap", Verdict.Equivalent, null, null),
        new("mqtt-wrong-password", "mqtt-good-1.pcap", "mqtt-badauth.pcap", Verdict.Different, "mqtt-connack-refused",
            "the server sent MQTT CONNACK refused: not authorized (5) (#8) instead of MQTT CONNACK accepted."),
        new("two-http-runs", "http-200-1.pcap", "http-200-2.pcap", Verdict.Equivalent, null, null),
        new("http-not-found", "http-200-1.pcap", "http-404.pcap", Verdict.Different, "http-error",
            "After the client's HTTP GET /hello.txt (#6) the server sent HTTP 404 File not found (#8) instead of HTTP 200 OK."),
        new("ipv4-vs-ipv6", "good-nc-1.pcap", "good-nc-v6.pcap", Verdict.Different, null,
            "The client began with DNS query AAAA collector.test (#1) instead of DNS query A collector.test."),
    ];

    /// <summary>The cases as xunit theory data.</summary>
    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    /// <summary>Looks a case up by name.</summary>
    public static PairCase Get(string name) => All.Single(c => c.Name == name);
}
