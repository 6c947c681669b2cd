using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting.Hints;
using static PcapDiff.Core.Tests.Reporting.Hints.HintFlows;

namespace PcapDiff.Core.Tests.Reporting.Hints;

/// <summary>The DNS, UDP, ICMP, HTTP, MQTT and TLS rules, each on its pattern and on the nearest shape it must not take for it.</summary>
public sealed class ProtocolHintTests
{
    private const string ServerHello13 = "S→C TLS ServerHello 1.3 cipher=0x1302";

    [Theory]
    [InlineData("NXDOMAIN", "dns-nxdomain", "DNS says nosuch.test does not exist (NXDOMAIN)")]
    [InlineData("SERVFAIL", "dns-failure", "DNS could not resolve nosuch.test")]
    [InlineData("REFUSED", "dns-failure", "DNS could not resolve nosuch.test")]
    public void Should_name_the_name_When_the_resolver_answers_with_an_error(string code, string id, string title)
    {
        var flow = Parse($"""
            flow UDP 192.0.2.53:53 dns nosuch.test
              C→S DNS query A nosuch.test
              S→C DNS response {code} A nosuch.test (no answers)
            """);

        var hint = new DnsErrorRule().Match(flow);

        Assert.Equal((id, title), (hint?.Id, hint?.Title));
        Assert.Equal([flow.Events[1].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_see_no_dns_error_When_the_name_resolves()
    {
        var flow = Parse("""
            flow UDP 192.0.2.53:53 dns collector.test
              C→S DNS query A collector.test
              S→C DNS response NOERROR A collector.test (answers: A)
            """);

        Assert.Null(new DnsErrorRule().Match(flow));
    }

    [Fact]
    public void Should_count_the_queries_When_the_resolver_never_answers()
    {
        var flow = Parse("""
            flow UDP 192.0.2.53:53 dns collector.test
              C→S DNS query A collector.test
              C→S DNS query AAAA collector.test
            """).WithEvent(0, e => e with { Repeats = 1 });

        var hint = new DnsUnansweredRule().Match(flow);

        Assert.Equal("The resolver 192.0.2.53 never answered (3 queries for collector.test)", hint?.Title);
        Assert.Equal(flow.Events.Select(e => e.FirstFrame), hint!.Frames);
    }

    [Fact]
    public void Should_leave_an_unanswered_query_to_the_icmp_rule_When_an_icmp_error_came_back()
    {
        var flow = Parse("""
            flow UDP 192.0.2.53:53 dns collector.test
              C→S DNS query A collector.test
              S→C ICMP port-unreachable
            """);

        Assert.Null(new DnsUnansweredRule().Match(flow));
        Assert.Equal("ICMP port-unreachable", new IcmpUnreachableRule().Match(flow)?.Title);
    }

    [Fact]
    public void Should_say_what_does_not_listen_When_an_icmp_port_unreachable_comes_back()
    {
        var flow = Parse("""
            flow UDP collector.test:8514
              C→S DGRAM 5B "hoge\n"
              S→C ICMP port-unreachable
            """);

        var hint = new IcmpUnreachableRule().Match(flow);

        Assert.Equal("An ICMP error came back for this flow: nothing listens on UDP port 8514 of collector.test.", hint?.Explanation);
        Assert.Equal([flow.Events[1].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_find_no_icmp_error_When_the_server_answers()
    {
        var flow = Parse("""
            flow UDP collector.test:8514
              C→S DGRAM 5B "hoge\n"
              S→C DGRAM 4B "201\n"
            """);

        Assert.Null(new IcmpUnreachableRule().Match(flow));
        Assert.Null(new UdpUnansweredRule().Match(flow));
    }

    [Fact]
    public void Should_count_the_datagrams_When_udp_gets_no_reply_and_no_icmp_error()
    {
        var flow = Parse("""
            flow UDP collector.test:8514
              C→S DGRAM ×3 15B "hoge\nhoge\nhoge\n"
            """);

        var hint = new UdpUnansweredRule().Match(flow);

        Assert.Equal("No reply to the client's 3 datagrams to collector.test port 8514, and no ICMP error", hint?.Title);
        Assert.Equal([flow.Events[0].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_leave_dns_to_the_dns_rule_When_an_unanswered_udp_flow_is_dns()
    {
        var flow = Parse("""
            flow UDP 192.0.2.53:53 dns collector.test
              C→S DNS query A collector.test
            """);

        Assert.Null(new UdpUnansweredRule().Match(flow));
    }

    [Fact]
    public void Should_name_the_request_and_the_status_When_the_server_answers_404()
    {
        var flow = Parse("""
            flow TCP collector.test:8000
              C→S HTTP GET /hellx.txt
              C→S DATA 88B
              S→C HTTP 404 File not found
              S→C DATA 520B
            """);

        var hint = new HttpErrorRule().Match(flow);

        Assert.NotNull(hint);
        Assert.StartsWith("The server answered HTTP 404 File not found", hint.Title, StringComparison.Ordinal);
        Assert.Contains("GET /hellx.txt names something the server does not have", hint.Explanation, StringComparison.Ordinal);
        Assert.Equal([flow.Events[0].FirstFrame, flow.Events[2].FirstFrame], hint.Frames);
    }

    [Fact]
    public void Should_see_no_http_error_When_the_server_answers_200()
    {
        var flow = Parse("""
            flow TCP collector.test:8000
              C→S HTTP GET /hello.txt
              S→C HTTP 200 OK
            """);

        Assert.Null(new HttpErrorRule().Match(flow));
    }

    [Fact]
    public void Should_blame_the_credentials_When_the_broker_refuses_the_connection_as_not_authorized()
    {
        var flow = Parse("""
            flow TCP collector.test:1883
              C→S MQTT CONNECT client=pcd-device-1 v3.1.1 user=device clean
              S→C MQTT CONNACK refused: not authorized (5)
            """).WithEvent(0, e => e with { Detail = new MqttConnectDetail { Version = "v3.1.1", ClientId = "pcd-device-1" } });

        // A .flows file keeps a CONNECT as its text; the rule cites the CONNECT that a capture decodes.
        var hint = new MqttConnackRefusedRule().Match(flow);

        Assert.Equal("The MQTT broker refused the connection: not authorized (5)", hint?.Title);
        Assert.Contains("did not accept the credentials", hint!.Explanation, StringComparison.Ordinal);
        Assert.Equal(flow.Events.Select(e => e.FirstFrame), hint.Frames);
    }

    [Fact]
    public void Should_see_no_refusal_When_the_broker_accepts_the_connection()
    {
        var flow = Parse("""
            flow TCP collector.test:1883
              C→S MQTT CONNECT client=pcd-device-1 v3.1.1 user=device clean
              S→C MQTT CONNACK accepted
            """);

        Assert.Null(new MqttConnackRefusedRule().Match(flow));
    }

    [Fact]
    public void Should_name_the_topic_rule_When_the_broker_refuses_a_publish()
    {
        var flow = Parse("""
            flow TCP collector.test:1883
              C→S MQTT CONNECT client=pcd-device-1 v5.0 user=device clean
              S→C MQTT CONNACK accepted
              C→S MQTT PUBLISH pcd/test 5B qos1
              S→C MQTT PUBACK not authorized
            """).WithEvent(2, e => e with { Detail = new MqttPublishDetail { Topic = "pcd/test", PayloadBytes = 5, Qos = 1 } });

        var hint = new MqttAckRefusedRule().Match(flow);

        Assert.Equal("The MQTT broker refused the PUBLISH: not authorized (0x87)", hint?.Title);
        Assert.Equal([flow.Events[2].FirstFrame, flow.Events[3].FirstFrame], hint!.Frames);
    }

    [Fact]
    public void Should_name_the_alert_and_who_sent_it_When_a_fatal_alert_ends_the_handshake()
    {
        var flow = Parse("""
            flow TCP collector.test:8443
              C→S TLS ClientHello sni=collector.test versions=1.2
              S→C TLS ServerHello 1.2 cipher=0xc030
              S→C TLS Certificate
              C→S TLS alert fatal unknown_ca
            """);

        var hint = new TlsAlertRule().Match(flow);

        Assert.Equal("The client ended the TLS handshake with the alert unknown_ca", hint?.Title);
        Assert.Contains("the client does not trust the server's certificate", hint!.Explanation, StringComparison.Ordinal);
        Assert.Equal([flow.Events[3].FirstFrame], hint.Frames);
    }

    [Fact]
    public void Should_see_no_alert_hint_When_the_only_alert_is_a_warning()
    {
        var flow = Parse("""
            flow TCP collector.test:8443
              C→S TLS ClientHello sni=collector.test versions=1.2
              C→S TLS alert warning close_notify
            """);

        Assert.Null(new TlsAlertRule().Match(flow));
    }

    [Fact]
    public void Should_say_the_client_had_no_certificate_When_it_answers_a_tls12_certificate_request_empty()
    {
        var flow = Parse("""
            flow TCP collector.test:8443
              S→C TLS ServerHello 1.2 cipher=0xc030
              S→C TLS CertificateRequest
              C→S TLS Certificate (empty)
              S→C TLS alert fatal handshake_failure
            """);

        var hint = new TlsClientCertificateMissingRule().Match(flow);

        Assert.Equal("The server asked for a client certificate and the client sent none", hint?.Title);
        Assert.Equal(flow.Events.Skip(1).Select(e => e.FirstFrame), hint!.Frames);
        Assert.Contains("tls-alert", new TlsClientCertificateMissingRule().Supersedes);
    }

    [Fact]
    public void Should_not_say_the_certificate_is_missing_When_the_client_sent_one()
    {
        var flow = Parse("""
            flow TCP collector.test:8443
              S→C TLS ServerHello 1.2 cipher=0xc030
              S→C TLS CertificateRequest
              C→S TLS Certificate
              S→C TLS alert fatal handshake_failure
            """);

        Assert.Null(new TlsClientCertificateMissingRule().Match(flow));
    }

    [Fact]
    public void Should_read_a_tls13_refusal_from_the_record_sizes_When_the_server_closes_after_the_clients_finished()
    {
        var flow = Tls13(clientLast: new TlsRecord(23, 1200), serverAfter: new TlsRecord(23, 19), closer: "S→C FIN");

        var hint = new TlsClientCertificateMissingRule().Match(flow);

        Assert.Equal("The server ended the TLS 1.3 handshake right after the client's Finished", hint?.Title);
        Assert.Contains("one encrypted record of 19 bytes", hint!.Explanation, StringComparison.Ordinal);
        Assert.Null(new Tls13HandshakeAbortedRule().Match(flow));
    }

    [Fact]
    public void Should_say_the_client_gave_up_When_its_last_tls13_record_is_alert_sized_and_it_closes()
    {
        var flow = Tls13(clientLast: new TlsRecord(23, 19), serverAfter: null, closer: "C→S FIN");

        var hint = new Tls13HandshakeAbortedRule().Match(flow);

        Assert.Equal("The client gave up on the TLS 1.3 handshake: one short encrypted record, then the connection closed", hint?.Title);
        Assert.Contains("an encrypted record of 19 bytes", hint!.Explanation, StringComparison.Ordinal);
        Assert.Null(new TlsClientCertificateMissingRule().Match(flow));
    }

    [Fact]
    public void Should_read_no_failure_from_a_tls13_handshake_When_application_data_follows()
    {
        var flow = Tls13(clientLast: new TlsRecord(23, 1200), serverAfter: new TlsRecord(23, 4000), closer: "S→C FIN");

        Assert.Null(new Tls13HandshakeAbortedRule().Match(flow));
        Assert.Null(new TlsClientCertificateMissingRule().Match(flow));
    }

    /// <summary>
    /// A TLS 1.3 connection as it looks without keys: the ServerHello and the server's flight, the
    /// client's flight ending in <paramref name="clientLast"/>, maybe a server record, then a close.
    /// </summary>
    private static Flow Tls13(TlsRecord clientLast, TlsRecord? serverAfter, string closer)
    {
        var flow = Parse($"""
            flow TCP collector.test:8443
              C→S TLS ClientHello sni=collector.test versions=1.3
              C→S DATA 517B
              {ServerHello13}
              S→C DATA 2000B
              C→S DATA 1300B
              S→C DATA 100B
              {closer}
            """)
            .WithEvent(3, e => e with { Records = [new TlsRecord(22, 90), new TlsRecord(23, 1800)] })
            .WithEvent(4, e => e with { Records = [new TlsRecord(20, 1), clientLast] });
        return serverAfter is { } record
            ? flow.WithEvent(5, e => e with { Records = [record] })
            : flow with { Events = [.. flow.Events.Where((_, i) => i != 5)] };
    }
}
