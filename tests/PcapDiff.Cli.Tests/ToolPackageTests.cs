using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>
/// Tier 3c: pcapdiff as a .NET tool, packed, installed into a temporary tool path and run from
/// outside the repository (<see cref="InstalledTool"/> does it once for the class).
/// </summary>
public sealed class ToolPackageTests(InstalledTool tool, ITestOutputHelper log) : IClassFixture<InstalledTool>
{
    [Fact]
    public void Should_answer_the_package_version_When_installed_from_the_package()
    {
        log.WriteLine($"dotnet pack and dotnet tool install took {tool.PackAndInstallTime.TotalSeconds:0.0} s");

        var run = tool.Run("--version");

        Assert.True(run.ExitCode == 0, ExternalProcess.Describe(run));
        Assert.Matches($@"^pcapdiff {System.Text.RegularExpressions.Regex.Escape(tool.Version)}( \([0-9a-f]{{7}}\))?$", run.Output.Trim());
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Should_print_the_report_and_exit_1_When_the_installed_tool_compares_the_raw_socket_pair()
    {
        var run = tool.Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("bad-raw-rst.pcap"), "--width", "100");

        Assert.True(run.ExitCode == ExitCodes.Different, ExternalProcess.Describe(run));
        Assert.Contains("First divergence: TCP collector.test:8514 at good #5 / bad #5", run.Output, StringComparison.Ordinal);
        Assert.Contains("Hint: The client reset the connection right after the server's SYN-ACK", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Should_have_installed_the_package_just_packed_When_installing_from_its_folder()
    {
        string stored = Path.Combine(tool.ToolPath, ".store", "pcapdiff", tool.Version, "pcapdiff", tool.Version, $"pcapdiff.{tool.Version}.nupkg");

        Assert.True(File.Exists(stored), $"no {stored}");
        Assert.Equal(File.ReadAllBytes(tool.PackagePath), File.ReadAllBytes(stored));
    }

    [Fact]
    public void Should_be_one_tool_package_carrying_the_libraries_When_packed()
    {
        using var package = ZipFile.OpenRead(tool.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        XNamespace ns = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";
        var metadata = Read(package, "pcapdiff.nuspec", XDocument.Load).Root!.Element(ns + "metadata")!;

        Assert.Equal("pcapdiff", metadata.Element(ns + "id")?.Value);
        Assert.Equal(tool.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Null(metadata.Element(ns + "dependencies"));
        Assert.Contains(metadata.Element(ns + "readme")?.Value ?? "(no readme)", entries);

        // Framework-dependent and for every platform: the project libraries are inside, nothing native.
        string[] expected = ["pcapdiff.dll", "PcapDiff.Core.dll", "PcapDiff.Capture.dll", "PcapDiff.Rendering.dll", "SharpPcap.dll", "DotnetToolSettings.xml"];
        Assert.All(expected, file => Assert.Contains($"tools/net10.0/any/{file}", entries));
        Assert.DoesNotContain(entries, e => e.Contains("/runtimes/", StringComparison.Ordinal) || e.EndsWith(".so", StringComparison.Ordinal));

        // The CLI's deliberate runtime setting survives packing.
        using var runtimeConfig = Read(package, "tools/net10.0/any/pcapdiff.runtimeconfig.json", s => JsonDocument.Parse(s));
        var tiered = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredCompilation");
        Assert.False(tiered.GetBoolean());
    }

    [Theory]
    [InlineData("pcapdiff --co", "--color --context")]
    [InlineData("pcapdiff --color a", "always auto")]
    [InlineData("pcapdiff stats --t", "--top")]
    public void Should_complete_in_bash_When_docs_completion_script_asks_the_installed_tool(string line, string expected)
    {
        // What bash does on Tab: the function gets the command, the word and the previous word.
        string[] words = line.Split(' ');
        string script = """
            . "$0"
            COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
            _pcapdiff_complete "$2" "$3" "$4"
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var run = ExternalProcess.Run(
            "bash",
            ["--norc", "--noprofile", "-c", script, Path.Combine(RepoPaths.Root, "docs", "pcapdiff-completion.bash"), line, words[0], words[^1], words[^2]],
            TimeSpan.FromSeconds(60),
            tool.WorkingDirectory,
            new Dictionary<string, string?> { ["PATH"] = $"{tool.ToolPath}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}" });

        Assert.True(run.ExitCode == 0, ExternalProcess.Describe(run));
        Assert.Equal(expected, string.Join(' ', run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static T Read<T>(ZipArchive package, string name, Func<Stream, T> parse)
    {
        var entry = package.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the package");
        using var stream = entry.Open();
        return parse(stream);
    }
}
