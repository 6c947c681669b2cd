using PcapDiff.Core;

namespace PcapDiff.Capture;

/// <summary>How a report names its inputs, and the rule that only one of them reads standard input.</summary>
public static class InputNames
{
    /// <summary>
    /// The name a report shows for an input: its file name; "standard input" for <c>-</c>; the path
    /// as given for a descriptor such as <c>/dev/fd/63</c> (what the shell's <c>&lt;(…)</c> passes),
    /// whose file name alone says nothing.
    /// </summary>
    public static string Display(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == CaptureInput.StandardInput)
        {
            return "standard input";
        }

        string name = Path.GetFileName(path);
        return name.Length > 0 && name.All(char.IsAsciiDigit) ? path : name;
    }

    /// <summary>Refuses a command line that reads standard input (<c>-</c>) more than once.</summary>
    /// <exception cref="PcapDiffException">Two or more of <paramref name="paths"/> are <c>-</c>.</exception>
    public static void CheckOneStandardInput(IEnumerable<string> paths)
    {
        if (paths.Count(p => p == CaptureInput.StandardInput) > 1)
        {
            throw new PcapDiffException("only one input can be standard input (-)");
        }
    }
}
