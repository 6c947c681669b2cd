using PcapDiff.Capture;
using PcapDiff.Core.Model;
using PcapDiff.TestSupport;

namespace PcapDiff.Corpus.Tests;

/// <summary>Protocol events in real captures from other projects' test suites.</summary>
public sealed class ProtocolEventTests
{
    [Fact]
    public void Should_decode_mqtt_When_the_capture_begins_after_the_handshake_at_a_message_boundary()
    {
        var flows = Load("zeek-traces/mqtt.pcap");

        var texts = flows.SelectMany(f => f.Events).Where(e => e.Kind == EventKind.Mqtt).Select(e => e.Text).ToList();
        Assert.Contains("C→S MQTT CONNECT client=paho/34AAE54A75D839566E v3.1 clean", texts);
        Assert.Contains("S→C MQTT CONNACK accepted", texts);
        Assert.Contains("C→S MQTT SUBSCRIBE SampleTopic qos0", texts);
    }

    [Fact]
    public void Should_name_the_servers_fatal_alert_When_a_tls_client_certificate_is_refused()
    {
        var flows = Load("zeek-traces/tls/certificate-request-failed.pcap");

        var texts = flows.SelectMany(f => f.Events).Where(e => e.Kind == EventKind.Tls).Select(e => e.Text).ToList();
        Assert.Contains("S→C TLS CertificateRequest", texts);
        Assert.Contains("S→C TLS alert fatal handshake_failure", texts);
    }

    private static IReadOnlyList<Flow> Load(string relative) =>
        RunLoader.Load(Path.Combine(RepoPaths.Corpus, relative)).Flows.Flows;
}
