using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Runs;
using PcapDiff.Core.Statistics;
using PcapDiff.TestSupport;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// Hosts count every IP packet, as Wireshark's Endpoints do: on every corpus capture, the packets
/// the hosts sent add up to the IP packets read, and so do the packets they received.
/// </summary>
public sealed class EndpointTotalsTests
{
    [Fact]
    public void Should_count_every_ip_packet_once_as_sent_and_once_as_received_When_stats_are_built_for_every_corpus_capture()
    {
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        int checkedCaptures = 0;
        Parallel.ForEach(RobustnessCheck.Captures(RepoPaths.Corpus), file =>
        {
            Run loaded;
            try
            {
                loaded = RunLoader.Load(file);
            }
            catch (PcapDiffException)
            {
                return;
            }

            Interlocked.Increment(ref checkedCaptures);
            var stats = StatsBuilder.Build(Path.GetFileName(file), loaded.Flows);
            long sent = stats.Hosts.Sum(h => h.TxPackets);
            long received = stats.Hosts.Sum(h => h.RxPackets);
            if (sent != loaded.Flows.IpPackets || received != loaded.Flows.IpPackets)
            {
                wrong.Add($"{Path.GetRelativePath(RepoPaths.Corpus, file)}: {loaded.Flows.IpPackets} IP packets, hosts sent {sent} and received {received}");
            }
        });

        Assert.True(checkedCaptures > 1500, $"only {checkedCaptures} captures were read");
        Assert.True(wrong.IsEmpty, $"{wrong.Count} captures:\n{string.Join('\n', wrong.Order(StringComparer.Ordinal).Take(20))}");
    }
}
