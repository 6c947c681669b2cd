using System.Text.RegularExpressions;
using PcapDiff.Core.Reporting.Hints;
using PcapDiff.Rendering.Tests;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>The hint catalogue, its documentation and its real captures agree.</summary>
public sealed partial class HintCatalogueTests
{
    public static TheoryData<string> HintIds => [.. HintCatalogue.Rules.SelectMany(r => r.Ids)];

    [Theory]
    [MemberData(nameof(HintIds))]
    public void Should_have_a_real_capture_pair_that_shows_it_When_a_hint_is_in_the_catalogue(string id)
    {
        Assert.Contains(PairCase.All, pair => pair.HintId == id);
    }

    [Theory]
    [MemberData(nameof(HintIds))]
    public void Should_have_a_documented_section_with_an_example_When_a_hint_is_in_the_catalogue(string id)
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "hints.md"));
        var section = Regex.Match(doc, $"^## {Regex.Escape(id)}\\n(.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);

        Assert.True(section.Success, $"docs/hints.md has no section \"## {id}\"");
        Assert.Contains("pcapdiff testdata/captures/", section.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("Evidence (bad):", section.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_document_only_hints_the_catalogue_has_When_reading_the_hint_documentation()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "hints.md"));
        var documented = Heading().Matches(doc).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(HintCatalogue.Rules.SelectMany(r => r.Ids).Order(), documented.Order());
    }

    [GeneratedRegex("^## ([a-z0-9-]+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
