using System.Text.RegularExpressions;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>
/// Every example in the README is what the tool prints: each indented <c>$ tools/pcapdiff ARGS</c>
/// line followed by a fenced block is run (from the repository root, in-process) and its output
/// must equal the block, line for line.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        foreach (Match example in Example().Matches(readme))
        {
            data.Add(example.Groups["args"].Value, example.Groups["output"].Value);
        }

        return data;
    }

    [Fact]
    public void Should_find_the_examples_When_reading_the_readme() => Assert.True(Examples().Count >= 2, "the README has fewer examples than expected");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_print_what_the_readme_shows_When_an_example_is_run(string args, string shown)
    {
        string[] arguments = [.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.StartsWith("testdata/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, a) : a)];

        var run = CliRun.Of(arguments);

        Assert.Equal(shown.Trim('\n'), run.Output.ReplaceLineEndings("\n").Trim('\n'));
    }

    [GeneratedRegex(@"^    \$ tools/pcapdiff (?<args>[^\n]+)\n\n```\n(?<output>.*?)```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Example();
}
