using System.Text.Json.Nodes;
using PcapDiff.Rendering.Tests;
using PcapDiff.TestSupport;

namespace PcapDiff.Report.Tests;

/// <summary>The <c>--json</c> report against docs/report.schema.json.</summary>
public sealed class ReportJsonSchemaTests
{
    public static TheoryData<string> Captures => [.. TestdataCaptures.Names];

    [Theory]
    [MemberData(nameof(PairCase.Names), MemberType = typeof(PairCase))]
    public void Should_match_the_schema_When_comparing_a_committed_pair(string name)
    {
        var pair = PairCase.Get(name);

        string json = ReportCli.Json(pair.Good, pair.Bad);

        ReportSchema.AssertValid(json);
        Assert.Equal(pair.Verdict.ToString().ToLowerInvariant(), ReportSchema.Parse(json)["verdict"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Should_match_the_schema_When_comparing_a_capture_with_itself(string capture)
    {
        string json = ReportCli.Json(capture, capture);

        ReportSchema.AssertValid(json);
        Assert.Equal("equivalent", ReportSchema.Parse(json)["verdict"]!.GetValue<string>());
    }

    [Fact]
    public void Should_match_the_schema_When_one_side_is_a_flows_file()
    {
        using var temp = new TempDirectory();
        string flows = Path.Combine(temp.Path, "expected.flows");
        ReportCli.Run("flows", RepoPaths.Capture("good-nc-1.pcap"), "-o", flows);

        string json = ReportCli.Json(flows, "bad-raw-rst.pcap");

        ReportSchema.AssertValid(json);
        var left = ReportSchema.Parse(json)["left"]!;
        Assert.Equal("flows", left["format"]!.GetValue<string>());
        Assert.Null(left["frames"]);
    }

    [Fact]
    public void Should_match_the_schema_and_escape_control_characters_When_the_hostile_captures_are_compared()
    {
        string json = ReportCli.Json("hostile-good.pcap", "hostile-bad.pcap");

        ReportSchema.AssertValid(json);
        Assert.DoesNotContain(json, c => c is < ' ' and not ('\n' or '\r'));
        Assert.Contains("onerror=alert(1)", ReportSchema.Parse(json)["pairs"]![0]!["service"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_match_the_schema_When_flows_exist_in_one_run_only()
    {
        // good-nc-1 has a TCP flow nxdomain.pcap lacks: one-sided pairs, null indexes.
        string json = ReportCli.Json("good-nc-1.pcap", "nxdomain.pcap");

        ReportSchema.AssertValid(json);
        var statuses = ReportSchema.Parse(json)["pairs"]!.AsArray().Select(p => p!["status"]!.GetValue<string>());
        Assert.Contains("onlyLeft", statuses);
    }

    [Theory]
    [InlineData("verdict")]
    [InlineData("firstDivergence")]
    [InlineData("left.frames")]
    [InlineData("leftFlows.0.events.0.note")]
    [InlineData("pairs.1.rows.0.op")]
    [InlineData("pairs.1.divergence.rightFilter")]
    [InlineData("pairs.1.hints.0.frames")]
    public void Should_fail_validation_When_a_required_property_is_missing(string path)
    {
        var document = ReportSchema.Parse(ReportCli.Json("good-nc-1.pcap", "bad-raw-rst.pcap"));

        Remove(document, path);

        Assert.NotEmpty(ReportSchema.Errors(document.ToJsonString()));
    }

    [Theory]
    [InlineData("verdict", "\"same\"")]
    [InlineData("pairs.1.status", "\"diverges\"")]
    [InlineData("pairs.1.rows.0.op", "\"insert\"")]
    [InlineData("leftFlows.1.events.0.direction", "\"C->S\"")]
    [InlineData("leftFlows.1.events.0.kind", "\"syn\"")]
    [InlineData("summary.paired", "-1")]
    [InlineData("summary.extra", "0")]
    [InlineData("schemaVersion", "1")]
    public void Should_fail_validation_When_a_property_has_a_value_the_report_never_writes(string path, string value)
    {
        var document = ReportSchema.Parse(ReportCli.Json("good-nc-1.pcap", "bad-raw-rst.pcap"));
        var (parent, key) = Locate(document, path);

        parent.AsObject()[key] = JsonNode.Parse(value);

        Assert.NotEmpty(ReportSchema.Errors(document.ToJsonString()));
    }

    [Fact]
    public void Should_fail_validation_When_an_equivalent_report_names_a_first_divergence()
    {
        var document = ReportSchema.Parse(ReportCli.Json("good-nc-1.pcap", "bad-raw-rst.pcap"));

        document["verdict"] = "equivalent";

        Assert.NotEmpty(ReportSchema.Errors(document.ToJsonString()));
    }

    [Fact]
    public void Should_pass_validation_When_the_document_is_unchanged()
    {
        // The counterpart of the failing cases above: the edits, not the document, make them fail.
        var document = ReportSchema.Parse(ReportCli.Json("good-nc-1.pcap", "bad-raw-rst.pcap"));

        Assert.Empty(ReportSchema.Errors(document.ToJsonString()));
    }

    private static void Remove(JsonObject document, string path)
    {
        var (parent, key) = Locate(document, path);
        Assert.True(parent.AsObject().Remove(key), $"{path} is not in the report");
    }

    private static (JsonNode Parent, string Key) Locate(JsonObject document, string path)
    {
        string[] parts = path.Split('.');
        JsonNode node = document;
        foreach (string part in parts[..^1])
        {
            node = (int.TryParse(part, out int index) ? node.AsArray()[index] : node.AsObject()[part])
                ?? throw new InvalidOperationException($"{path}: {part} is null or missing");
        }

        return (node, parts[^1]);
    }
}
