using System.Runtime.CompilerServices;
using Xunit;

namespace PcapDiff.TestSupport;

/// <summary>
/// Compares text with a committed <c>Snapshots/NAME.verified.txt</c> beside the calling test file.
/// On a mismatch (or when the file is missing) it writes <c>NAME.received.txt</c> and fails; setting
/// PCAPDIFF_ACCEPT=1, or running tools/accept-snapshots afterwards, makes the received text verified.
/// </summary>
public static class Snapshot
{
    /// <summary>Asserts that <paramref name="actual"/> equals the verified snapshot <paramref name="name"/>.</summary>
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        string verified = Path.Combine(directory, name + ".verified.txt");
        string received = Path.Combine(directory, name + ".received.txt");
        string text = actual.ReplaceLineEndings("\n");

        string? expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == text)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable("PCAPDIFF_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(verified, text);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        Assert.Fail(expected is null
            ? $"No verified snapshot {name}: wrote {Path.GetFileName(received)}. Review it, then accept it with tools/accept-snapshots."
            : $"Snapshot {name} differs from {Path.GetFileName(verified)}; wrote {Path.GetFileName(received)}.\n{FirstDifference(expected, text)}\nAccept the new output with tools/accept-snapshots if it is right.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string left = i < e.Length ? e[i] : "<end>";
            string right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  verified: {left}\n  received: {right}";
            }
        }

        return "(difference in line endings only)";
    }
}
