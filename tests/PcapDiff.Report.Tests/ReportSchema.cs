using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PcapDiff.TestSupport;

namespace PcapDiff.Report.Tests;

/// <summary>docs/report.schema.json, built once, and validation against it.</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "report.schema.json"))));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>The errors of <paramref name="json"/> against the schema, one line each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = LazySchema.Value.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Append(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation} ({r.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no error details)"];
    }

    /// <summary>Asserts that <paramref name="json"/> is valid against the schema, listing every error when not.</summary>
    public static void AssertValid(string json)
    {
        var errors = Errors(json);
        Assert.True(errors.Count == 0, "the report does not match docs/report.schema.json:\n" + string.Join('\n', errors));
    }

    /// <summary>Parses <paramref name="json"/> for editing.</summary>
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
