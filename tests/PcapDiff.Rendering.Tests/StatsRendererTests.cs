using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;
using PcapDiff.TestSupport;

namespace PcapDiff.Rendering.Tests;

/// <summary>Hand-built statistics through the tables and the JSON renderer, at a pinned width: the stats formats' snapshots.</summary>
public sealed class StatsRendererTests
{
    public static TheoryData<string> Cases => ["one", "two", "two-top-2"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_the_verified_tables_When_rendering_hand_built_statistics(string name)
    {
        var output = new StringWriter();

        new StatsRenderer(new TerminalOptions(Width: 160)).Render(View(name), output);

        Snapshot.Match(output.ToString(), $"{nameof(StatsRendererTests)}.{name}.text");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_the_verified_json_When_rendering_hand_built_statistics(string name)
    {
        var output = new StringWriter();

        StatsJson.Write(View(name), output);

        Snapshot.Match(output.ToString(), $"{nameof(StatsRendererTests)}.{name}.json");
    }

    [Fact]
    public void Should_name_the_run_a_conversation_is_only_in_by_its_label_When_comparing_two_captures()
    {
        var view = StatsView.Of(FakeStats.Comparison(), new StatsOptions("before", "after"));

        var table = Assert.Single(view.Tables);
        Assert.Equal("1 paired, 2 only in before, 1 only in after", table.Summary);
        Assert.Equal("TCP collector.test:8514 ≠ TCP collector.test:8515", table.Rows[0].Cells[0]);
        Assert.Equal(["", "only in before", "only in after", "only in before"], table.Rows.Select(r => r.Cells[^1]));
        Assert.Equal([null, StatsSide.Left, StatsSide.Right, StatsSide.Left], table.Rows.Select(r => r.Side));
    }

    [Fact]
    public void Should_count_the_rows_left_out_When_a_table_is_longer_than_top()
    {
        var view = StatsView.Of(FakeStats.Good(), new StatsOptions(Top: 2));

        Assert.Equal(["… 1 more (--top 0 shows all)", "… 1 more (--top 0 shows all)", "… 2 more (--top 0 shows all)"], view.Tables.Select(t => t.More));
        Assert.All(view.Tables, t => Assert.Equal(2, t.Rows.Count));
    }

    private static StatsView View(string name) => name switch
    {
        "one" => StatsView.Of(FakeStats.Good()),
        "two" => StatsView.Of(FakeStats.Comparison()),
        _ => StatsView.Of(FakeStats.Comparison(), new StatsOptions(Top: 2)),
    };
}
