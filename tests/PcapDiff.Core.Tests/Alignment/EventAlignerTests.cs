using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Alignment;

/// <summary>Event sequences into aligned rows: equal runs, insertions, replacements.</summary>
public sealed class EventAlignerTests
{
    [Fact]
    public void Should_make_every_row_equal_When_the_sequences_are_the_same()
    {
        var left = StoryRuns.Good().Flows[0].Events;
        var right = StoryRuns.Good(StoryRuns.Nc(clientPort: 50000), 77, 88).Flows[0].Events;

        var rows = EventAligner.Align(left, right);

        Assert.Equal(left.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(AlignmentOp.Equal, r.Op));
        Assert.Equal(left, rows.Select(r => r.Left));
        Assert.Equal(right, rows.Select(r => r.Right));
    }

    [Fact]
    public void Should_make_one_right_only_row_When_the_right_side_has_an_extra_event()
    {
        var left = Events("C→S SYN", "S→C SYN-ACK", "C→S ACK", "C→S DATA 5B \"hoge\\n\"");
        var right = Events("C→S SYN", "S→C SYN-ACK", "C→S RST", "C→S ACK", "C→S DATA 5B \"hoge\\n\"");

        var rows = EventAligner.Align(left, right);

        Assert.Equal(
            [AlignmentOp.Equal, AlignmentOp.Equal, AlignmentOp.RightOnly, AlignmentOp.Equal, AlignmentOp.Equal],
            rows.Select(r => r.Op));
        Assert.Null(rows[2].Left);
        Assert.Equal("C→S RST", rows[2].Right!.Text);
    }

    [Fact]
    public void Should_make_one_left_only_row_When_the_right_side_lacks_an_event()
    {
        var left = Events("C→S SYN", "S→C SYN-ACK", "C→S ACK");
        var right = Events("C→S SYN", "C→S ACK");

        var rows = EventAligner.Align(left, right);

        Assert.Equal([AlignmentOp.Equal, AlignmentOp.LeftOnly, AlignmentOp.Equal], rows.Select(r => r.Op));
        Assert.Equal("S→C SYN-ACK", rows[1].Left!.Text);
    }

    [Fact]
    public void Should_face_the_replacement_as_changed_When_an_event_is_replaced_by_one_of_the_same_direction()
    {
        var left = Events("C→S SYN", "S→C SYN-ACK", "C→S ACK");
        var right = Events("C→S SYN", "S→C RST", "C→S ACK");

        var rows = EventAligner.Align(left, right);

        Assert.Equal([AlignmentOp.Equal, AlignmentOp.Changed, AlignmentOp.Equal], rows.Select(r => r.Op));
        Assert.Equal(("S→C SYN-ACK", "S→C RST"), (rows[1].Left!.Text, rows[1].Right!.Text));
    }

    [Fact]
    public void Should_face_the_servers_rst_with_its_syn_ack_When_the_connection_is_refused()
    {
        var left = Events(StoryRuns.GoodEvents);
        var right = Events("C→S SYN", "S→C RST");

        var rows = EventAligner.Align(left, right);

        Assert.Equal(AlignmentOp.Equal, rows[0].Op);
        Assert.Equal(AlignmentOp.Changed, rows[1].Op);
        Assert.Equal(("S→C SYN-ACK", "S→C RST"), (rows[1].Left!.Text, rows[1].Right!.Text));
        Assert.All(rows.Skip(2), r => Assert.Equal(AlignmentOp.LeftOnly, r.Op));
        Assert.Equal(left.Length, rows.Count);
    }

    [Fact]
    public void Should_keep_events_of_opposite_directions_one_sided_When_a_block_is_replaced()
    {
        var left = Events("C→S SYN", "S→C SYN-ACK");
        var right = Events("C→S SYN", "C→S RST");

        var rows = EventAligner.Align(left, right);

        Assert.Equal(AlignmentOp.Equal, rows[0].Op);
        Assert.DoesNotContain(rows, r => r.Op == AlignmentOp.Changed);
        Assert.Contains(rows, r => r.Op == AlignmentOp.LeftOnly && r.Left!.Text == "S→C SYN-ACK");
        Assert.Contains(rows, r => r.Op == AlignmentOp.RightOnly && r.Right!.Text == "C→S RST");
    }

    [Fact]
    public void Should_make_only_one_sided_rows_When_a_side_has_no_events()
    {
        var left = Events("C→S SYN", "S→C RST");

        Assert.All(EventAligner.Align(left, []), r => Assert.Equal(AlignmentOp.LeftOnly, r.Op));
        Assert.All(EventAligner.Align([], left), r => Assert.Equal(AlignmentOp.RightOnly, r.Op));
        Assert.Empty(EventAligner.Align([], []));
    }

    [Fact]
    public void Should_put_every_event_in_exactly_one_row_When_the_sequences_differ_a_lot()
    {
        var left = Events(StoryRuns.GoodEvents);
        var right = Assert.Single(StoryRuns.RawSocket().Flows).Events;

        var rows = EventAligner.Align(left, right);

        Assert.Equal(left, rows.Where(r => r.Left is not null).Select(r => r.Left));
        Assert.Equal(right, rows.Where(r => r.Right is not null).Select(r => r.Right));
    }

    [Fact]
    public void Should_align_in_windows_and_keep_every_event_in_order_When_long_flows_differ_in_many_events()
    {
        // 60,000 events each, one in three different: far beyond what a whole Myers diff does quickly.
        var left = Events(Enumerable.Range(0, 60_000).Select(i => $"C→S DATA {i % 1000}B"));
        var right = Events(Enumerable.Range(0, 60_000).Select(i => i % 3 == 0 ? $"C→S DATA {(i % 1000) + 5000}B" : $"C→S DATA {i % 1000}B"));

        var rows = EventAligner.Align(left, right, out bool windowed);

        Assert.True(windowed);
        Assert.Equal(left, rows.Where(r => r.Left is not null).Select(r => r.Left));
        Assert.Equal(right, rows.Where(r => r.Right is not null).Select(r => r.Right));
        Assert.Equal(40_000, rows.Count(r => r.Op == AlignmentOp.Equal));
    }

    [Fact]
    public void Should_align_whole_When_long_flows_differ_in_few_events()
    {
        var left = Events(Enumerable.Range(0, 60_000).Select(i => $"C→S DATA {i % 1000}B"));
        var right = Events(Enumerable.Range(0, 60_000).Select(i => i % 1000 == 0 ? "S→C RST" : $"C→S DATA {i % 1000}B"));

        var rows = EventAligner.Align(left, right, out bool windowed);

        Assert.False(windowed);
        Assert.Equal(59_940, rows.Count(r => r.Op == AlignmentOp.Equal));
    }

    private static FlowEvent[] Events(params IEnumerable<string> texts) =>
        [.. texts.Select((text, i) => FlowsParser.ParseEventLine(text, i + 1))];
}
