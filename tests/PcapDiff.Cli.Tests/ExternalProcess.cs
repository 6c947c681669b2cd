using System.Diagnostics;

namespace PcapDiff.Cli.Tests;

/// <summary>Runs a program to its end with its output captured, and fails the test when it overruns.</summary>
internal static class ExternalProcess
{
    // Time for the output pipes to close once the program has exited.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="args"/> and <c>NO_COLOR</c> set.</summary>
    /// <param name="workingDirectory">Where it runs; null for this process's own directory.</param>
    /// <param name="environment">Variables to set, or to remove where the value is null.</param>
    public static CliRun Run(
        string fileName,
        IEnumerable<string> args,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        string commandLine = string.Join(' ', start.ArgumentList.Prepend(fileName));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {commandLine}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{commandLine} did not finish within {timeout.TotalSeconds:0} s{Describe(output, error)}");
        }

        process.WaitForExit();
        if (!Task.WaitAll([output, error], DrainTimeout))
        {
            Assert.Fail($"{commandLine} exited but a process it started still holds its output open");
        }

        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The run's exit code and output, for a failure message.</summary>
    public static string Describe(CliRun run) =>
        $"exit code {run.ExitCode}\n--- stdout\n{run.Output}\n--- stderr\n{run.Error}";

    private static string Describe(Task<string> output, Task<string> error) =>
        output.IsCompletedSuccessfully && error.IsCompletedSuccessfully
            ? $"\n--- stdout\n{output.Result}\n--- stderr\n{error.Result}"
            : string.Empty;
}
