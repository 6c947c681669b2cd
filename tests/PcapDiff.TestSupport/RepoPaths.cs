namespace PcapDiff.TestSupport;

/// <summary>Where the repository's test data lives, found from the test binary's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding PcapDiff.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>testdata/captures.</summary>
    public static string Captures => Path.Combine(Root, "testdata", "captures");

    /// <summary>The real-world corpus beside the repository (../shared/corpus).</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    /// <summary>A committed capture by file name.</summary>
    public static string Capture(string name) => Path.Combine(Captures, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PcapDiff.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PcapDiff.sln not found above the test binaries.");
    }
}
