using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering.Terminal;
using PcapDiff.TestSupport;
using PcapDiff.Rendering.View;

namespace PcapDiff.Rendering.Tests;

/// <summary>Tier 2: every committed pair through the library, checked for meaning and against its verified report.</summary>
public sealed class GoldenPairTests
{
    [Theory]
    [MemberData(nameof(PairCase.Names), MemberType = typeof(PairCase))]
    public void Should_report_the_known_verdict_and_divergence_When_comparing_a_committed_pair(string name)
    {
        var pair = PairCase.Get(name);

        var report = Compare(pair.Good, pair.Bad);

        Assert.Equal(pair.Verdict, report.Verdict);
        var hints = report.Pairs.SelectMany(p => p.Hints).Select(h => h.Id).ToList();
        if (pair.Verdict == Verdict.Equivalent)
        {
            Assert.Null(report.FirstDivergence);
            Assert.All(report.Pairs, p => Assert.Equal(PairStatus.Equal, p.Status));
        }
        else
        {
            var first = Assert.IsType<FlowPairDiff>(report.FirstDivergence);
            var divergence = Assert.IsType<Divergence>(first.Divergence);
            Assert.Equal(pair.Sentence, divergence.Description);
            Assert.Equal(pair.GoodFrame, divergence.LeftFrame);
            Assert.Equal(pair.BadFrame, divergence.RightFrame);
        }

        string[] expected = pair.HintId is null ? [] : [pair.HintId];
        Assert.Equal(expected, hints.Distinct());
    }

    [Theory]
    [MemberData(nameof(PairCase.Names), MemberType = typeof(PairCase))]
    public void Should_match_the_verified_report_When_rendering_a_committed_pair(string name)
    {
        var pair = PairCase.Get(name);
        var report = Compare(pair.Good, pair.Bad);
        var text = new StringWriter();

        new TextRenderer(new TerminalOptions(Width: 120)).Render(ReportView.Of(report), text);

        Snapshot.Match(text.ToString(), $"{nameof(GoldenPairTests)}.{name}");
    }

    [Fact]
    public void Should_show_both_frame_numbers_When_the_raw_socket_client_is_reset()
    {
        var report = Compare("good-nc-1.pcap", "bad-raw-rst.pcap");

        var divergence = report.FirstDivergence!.Divergence!;
        var row = report.FirstDivergence.Rows[divergence.Row];
        Assert.Equal(EventKind.Rst, row.Right!.Kind);
        Assert.Equal(Direction.ClientToServer, row.Right.Direction);
        Assert.NotNull(divergence.LeftFrame);
        Assert.Equal(row.Right.FirstFrame, divergence.RightFrame);
        Assert.Equal(5, report.FirstDivergence.Right!.ClientBytesUnacknowledged);
    }

    [Fact]
    public void Should_point_at_the_servers_rst_When_it_came_where_the_answer_was_due()
    {
        var report = Compare("good-nc-1.pcap", "server-rst-after-data.pcap");

        var pair = report.FirstDivergence!;
        var rst = Assert.Single(pair.Right!.Events, e => e.Kind == EventKind.Rst);
        Assert.Contains("the server sent RST (#8) instead of 4 bytes of data", pair.Divergence!.Description, StringComparison.Ordinal);
        Assert.Equal(rst.FirstFrame, pair.Divergence.RightFrame);
    }

    [Fact]
    public void Should_pair_the_ipv6_connection_with_the_ipv4_one_When_the_runs_use_different_families()
    {
        var report = Compare("good-nc-1.pcap", "good-nc-v6.pcap");

        var tcp = Assert.Single(report.Pairs, p => p.Any.Protocol == Transport.Tcp);
        Assert.Equal(PairStatus.Equal, tcp.Status);
        Assert.Equal(4, tcp.Left!.Server.Address.Version);
        Assert.Equal(6, tcp.Right!.Server.Address.Version);
    }

    [Fact]
    public void Should_tell_refused_unanswered_and_nxdomain_apart_When_each_is_compared_with_the_good_run()
    {
        string Describe(string bad) => Compare("good-nc-1.pcap", bad).FirstDivergence!.Divergence!.Description;

        var descriptions = new[] { Describe("refused.pcap"), Describe("unanswered.pcap"), Describe("nxdomain.pcap") };

        Assert.Equal(3, descriptions.Distinct().Count());
        Assert.Contains("RST (#4) instead of SYN-ACK", descriptions[0], StringComparison.Ordinal);
        Assert.Contains("never sent SYN-ACK", descriptions[1], StringComparison.Ordinal);
        Assert.Contains("nosuch.test", descriptions[2], StringComparison.Ordinal);
    }

    public static TheoryData<string> AllCaptures => [.. TestdataCaptures.Names];

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Should_be_equivalent_When_a_capture_is_compared_with_itself(string capture)
    {
        var report = Compare(capture, capture);

        Assert.Equal(Verdict.Equivalent, report.Verdict);
        Assert.NotEmpty(report.Pairs);
    }

    internal static DiffReport Compare(string good, string bad)
    {
        var left = RunLoader.Load(RepoPaths.Capture(good));
        var right = RunLoader.Load(RepoPaths.Capture(bad));
        return CaptureComparer.Compare(
            left with { Label = "good", Name = good },
            right with { Label = "bad", Name = bad });
    }
}
