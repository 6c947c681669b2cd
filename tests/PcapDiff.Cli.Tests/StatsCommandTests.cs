using System.Text.Json;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>`pcapdiff stats`: one capture, two side by side, JSON.</summary>
public sealed class StatsCommandTests
{
    [Fact]
    public void Should_count_what_tshark_counts_When_giving_the_conversations_of_the_good_capture()
    {
        // tshark -r good-nc-1.pcap -q -z conv,tcp -z conv,udp: TCP 5 frames/343 bytes → and 5/342 ←; UDP 1/74 → and 1/90 ←.
        var run = Run("stats", RepoPaths.Capture("good-nc-1.pcap"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        var conversations = json.RootElement.GetProperty("captures")[0].GetProperty("conversations");
        var tcp = Find(conversations, "TCP");
        var udp = Find(conversations, "UDP");
        Assert.Equal((5, 343, 5, 342), Counts(tcp));
        Assert.Equal((1, 74, 1, 90), Counts(udp));
        Assert.Equal(8514, tcp.GetProperty("server").GetProperty("port").GetInt32());
        Assert.Equal("collector.test", tcp.GetProperty("server").GetProperty("name").GetString());
    }

    [Fact]
    public void Should_count_the_icmp_errors_senders_as_tshark_endpoints_do_When_a_port_is_unreachable()
    {
        // tshark -r icmp-unreachable.pcap -q -z endpoints,ip: 192.0.2.1 sent 2 packets (192 bytes) and
        // received 2 (148); 192.0.2.10 the other way round. The ICMP errors are in no flow's counters.
        var run = Run("stats", RepoPaths.Capture("icmp-unreachable.pcap"), "--json");

        using var json = JsonDocument.Parse(run.Output);
        var hosts = json.RootElement.GetProperty("captures")[0].GetProperty("hosts").EnumerateArray()
            .ToDictionary(h => h.GetProperty("address").GetString()!, h => (
                h.GetProperty("txPackets").GetInt64(), h.GetProperty("txBytes").GetInt64(), h.GetProperty("rxPackets").GetInt64(), h.GetProperty("rxBytes").GetInt64()));
        Assert.Equal((2L, 192L, 2L, 148L), hosts["192.0.2.1"]);
        Assert.Equal((2L, 148L, 2L, 192L), hosts["192.0.2.10"]);
    }

    [Fact]
    public void Should_print_conversation_and_endpoint_tables_When_given_one_capture()
    {
        var run = Run("stats", RepoPaths.Capture("good-nc-1.pcap"), "--width", "160");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Conversations of good-nc-1.pcap (2, by bytes)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Hosts (2, by bytes)", run.Output, StringComparison.Ordinal);
        Assert.Contains("TCP and UDP endpoints (4, by bytes)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"TCP\s+192\.0\.2\.10:\d+\s+192\.0\.2\.1:8514\s+collector\.test\s+5\s+343\s+5\s+342\s+10\s+685", run.Output);
    }

    [Theory]
    [InlineData("raw-socket-reset-by-kernel", "good-nc-1.pcap", "bad-raw-rst.pcap")]
    [InlineData("nxdomain", "good-nc-1.pcap", "nxdomain.pcap")]
    public void Should_match_the_verified_side_by_side_When_comparing_two_captures(string name, string good, string bad)
    {
        var run = Run("stats", RepoPaths.Capture(good), RepoPaths.Capture(bad), "--width", "140");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Match(run.Output, $"{nameof(StatsCommandTests)}.{name}");
    }

    [Fact]
    public void Should_show_deltas_and_one_sided_conversations_When_the_bad_run_never_connected()
    {
        var run = Run("stats", RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("nxdomain.pcap"), "--json");

        using var json = JsonDocument.Parse(run.Output);
        var pairs = json.RootElement.GetProperty("pairs").EnumerateArray().ToList();
        var onlyGood = Assert.Single(pairs, p => !p.TryGetProperty("right", out _));
        Assert.Equal("TCP collector.test:8514", onlyGood.GetProperty("service").GetString());
        Assert.Equal(-685, onlyGood.GetProperty("bytesDelta").GetInt64());
        var dns = Assert.Single(pairs, p => p.TryGetProperty("left", out _) && p.TryGetProperty("right", out _));
        Assert.Equal(142 - 164, dns.GetProperty("bytesDelta").GetInt64());
    }

    [Fact]
    public void Should_limit_every_table_and_say_how_many_rows_were_left_out_When_given_top()
    {
        var run = Run("stats", RepoPaths.Capture("dns-parallel-1.pcap"), "--top", "1");

        Assert.Equal(0, run.ExitCode);
        // 4 conversations, 4 hosts and 7 TCP and UDP endpoints, one row of each shown.
        Assert.Equal(2, run.Output.Split("… 3 more (--top 0 shows all)").Length - 1);
        Assert.Contains("… 6 more (--top 0 shows all)", run.Output, StringComparison.Ordinal);
        string endpoints = run.Output[run.Output.IndexOf("TCP and UDP endpoints", StringComparison.Ordinal)..];
        Assert.Single(endpoints.Split('\n'), l => l.StartsWith("  TCP ", StringComparison.Ordinal) || l.StartsWith("  UDP ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_exit_2_When_given_three_captures()
    {
        var run = Run("stats", RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("good-nc-2.pcap"), RepoPaths.Capture("refused.pcap"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
    }

    private static JsonElement Find(JsonElement conversations, string protocol) =>
        conversations.EnumerateArray().Single(c => c.GetProperty("protocol").GetString() == protocol);

    private static (long, long, long, long) Counts(JsonElement conversation)
    {
        var toServer = conversation.GetProperty("toServer");
        var toClient = conversation.GetProperty("toClient");
        return (toServer.GetProperty("packets").GetInt64(), toServer.GetProperty("bytes").GetInt64(),
            toClient.GetProperty("packets").GetInt64(), toClient.GetProperty("bytes").GetInt64());
    }

    private static CliRun Run(params string[] args) => CliRun.Of(args);
}
