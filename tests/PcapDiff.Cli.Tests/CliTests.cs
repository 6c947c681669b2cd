using System.Text;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>Tier 3a: the command line in-process, for exit codes, messages and options.</summary>
public sealed class CliTests
{
    [Fact]
    public void Should_exit_0_and_say_equivalent_When_two_good_runs_are_compared()
    {
        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("good-nc-2.pcap"));

        Assert.Equal(ExitCodes.Equivalent, run.ExitCode);
        Assert.StartsWith("good: good-nc-1.pcap", run.Output, StringComparison.Ordinal);
        Assert.Contains("EQUIVALENT", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Should_exit_1_and_show_the_divergence_When_the_bad_run_differs()
    {
        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("bad-raw-rst.pcap"));

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains("DIFFERENT", run.Output, StringComparison.Ordinal);
        Assert.Contains("the client sent RST (#5), which the good run's client never sent", run.Output, StringComparison.Ordinal);
        Assert.Contains("Hint: The client reset the connection right after the server's SYN-ACK", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_zeek_conn_state_and_history_of_both_runs_When_asked_with_zeek()
    {
        var plain = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("refused.pcap"));
        var zeek = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("refused.pcap"), "--zeek", "--width", "140");

        Assert.DoesNotContain("zeek good / bad", plain.Output, StringComparison.Ordinal);
        Assert.Contains("zeek good / bad", zeek.Output, StringComparison.Ordinal);
        Assert.Contains("SF Dd / SF Dd", zeek.Output, StringComparison.Ordinal);
        Assert.Contains("SF ShADadfF / REJ Sr", zeek.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_use_the_given_labels_When_labels_are_set()
    {
        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("refused.pcap"), "--good-label", "nc", "--bad-label", "firmware");

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.StartsWith("nc: good-nc-1.pcap", run.Output, StringComparison.Ordinal);
        Assert.Contains("firmware: refused.pcap", run.Output, StringComparison.Ordinal);
        Assert.Contains("at nc #", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_emit_colour_only_When_asked_for()
    {
        string good = RepoPaths.Capture("good-nc-1.pcap");
        string bad = RepoPaths.Capture("bad-raw-rst.pcap");

        var plain = Run(good, bad, "--color", "never");
        var coloured = Run(good, bad, "--color", "always");

        Assert.DoesNotContain('\u001b', plain.Output);
        Assert.Contains("\u001b[", coloured.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_apply_the_filter_to_both_captures_When_a_bpf_filter_is_given()
    {
        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("nxdomain.pcap"), "--filter", "tcp");

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains("1 only in good", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DNS", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("directory")]
    public void Should_exit_2_with_one_line_When_an_input_is_not_a_capture(string kind)
    {
        using var temp = new TempDirectory();
        string path = kind switch
        {
            "missing" => Path.Combine(temp.Path, "nothing-here.pcap"),
            "text" => temp.Write("notes.pcap", "this is not a capture\n"u8.ToArray()),
            "empty" => temp.Write("empty.pcap", []),
            _ => temp.Path,
        };

        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), path);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Empty(run.Output);
        string line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("pcapdiff: ", line, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), line, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_diff_what_was_read_and_warn_When_a_capture_is_cut_off_mid_packet()
    {
        using var temp = new TempDirectory();
        byte[] whole = File.ReadAllBytes(RepoPaths.Capture("good-nc-1.pcap"));
        string cut = temp.Write("cut.pcap", whole[..(whole.Length - 120)]);

        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), cut);

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        string warning = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("pcapdiff: warning: ", warning, StringComparison.Ordinal);
        Assert.Contains("cut.pcap", warning, StringComparison.Ordinal);
        Assert.Contains("DIFFERENT", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_cut_a_name_too_long_to_read_in_the_text_report_and_keep_it_whole_in_the_json_When_a_flow_has_one()
    {
        using var temp = new TempDirectory();
        string name = new('a', 100_000);
        string good = temp.Write("good.flows", Encoding.UTF8.GetBytes($"pcapdiff flows 1\nflow UDP 10.0.0.1:53 dns {name}\n  C→S DNS query A {name}\n"));
        string bad = temp.Write("bad.flows", Encoding.UTF8.GetBytes($"pcapdiff flows 1\nflow UDP 10.0.0.1:53 dns {name}\n  C→S DNS query AAAA {name}\n"));

        // Wide enough that no cut word wraps.
        var text = Run(good, bad, "--width", "600");
        var json = Run(good, bad, "--json");

        Assert.Equal(ExitCodes.Different, text.ExitCode);
        Assert.Contains(new string('a', 200) + "…", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 201), text.Output, StringComparison.Ordinal);
        Assert.Contains(name, json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_warn_once_and_suggest_the_vlan_form_When_a_filter_matches_none_of_a_tagged_capture()
    {
        string tagged = RepoPaths.Capture("good-nc-vlan.pcap");

        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), tagged, "-f", "tcp port 8514");

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Equal(
            $"pcapdiff: warning: {tagged}: the filter \"tcp port 8514\" matched none of its 12 frames; 12 of the frames it left out "
            + "carry 802.1Q VLAN tags, which the filter must allow for: try \"vlan and (tcp port 8514)\"",
            Assert.Single(run.Error.TrimEnd('\n').Split('\n')));
    }

    [Fact]
    public void Should_give_the_same_flows_as_the_untagged_run_When_the_filter_allows_for_the_vlan_tag()
    {
        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("good-nc-vlan.pcap"), "-f", "tcp port 8514 or (vlan and tcp port 8514)");

        Assert.Equal(ExitCodes.Equivalent, run.ExitCode);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--color", "sometimes")]
    [InlineData("--context", "-1")]
    public void Should_exit_2_When_the_command_line_is_wrong(params string[] extra)
    {
        var run = Run([RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("good-nc-2.pcap"), .. extra]);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith("pcapdiff: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_2_with_the_filter_named_When_the_filter_does_not_compile()
    {
        var run = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("good-nc-2.pcap"), "--filter", "tcp port");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("tcp port", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_limit_the_flows_shown_side_by_side_When_max_flows_is_set()
    {
        var all = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("nxdomain.pcap"));
        var one = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("nxdomain.pcap"), "--max-flows", "1");

        Assert.Equal(2, all.Output.Split("━━ ").Length - 1);
        Assert.Equal(1, one.Output.Split("━━ ").Length - 1);
        Assert.Contains("… 1 more flow not shown in detail (--max-flows 0 shows all).", one.Output, StringComparison.Ordinal);
    }

    private static CliRun Run(params string[] args) => CliRun.Of(args);
}
