namespace PcapDiff.Corpus.Tests;

/// <summary>One pcapdiff command run in-process on one corpus capture.</summary>
/// <param name="Arguments">The command line, joined with spaces.</param>
/// <param name="ExitCode">The exit code, or null when the command did not finish in time.</param>
/// <param name="Error">What the command wrote to standard error.</param>
/// <param name="Elapsed">How long it ran (the time limit when it hung).</param>
internal sealed record CommandRun(string Arguments, int? ExitCode, string Error, TimeSpan Elapsed)
{
    /// <summary>True when the command finished in time.</summary>
    public bool Finished => ExitCode is not null;

    /// <summary>What is wrong with the run, or null when nothing is: a hang, an odd exit code, a stack trace or an internal error.</summary>
    public string? Problem =>
        ExitCode switch
        {
            null => $"did not finish within {Elapsed.TotalSeconds:0} s",
            < 0 or > 2 => $"exit code {ExitCode}",
            _ when Error.Contains("   at ", StringComparison.Ordinal) => "stack trace on stderr: " + FirstLine(Error),
            _ when Error.Contains("internal error", StringComparison.Ordinal) => FirstLine(Error),
            _ when Error.Contains("Unhandled exception", StringComparison.Ordinal) => FirstLine(Error),
            _ => null,
        };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();
}
