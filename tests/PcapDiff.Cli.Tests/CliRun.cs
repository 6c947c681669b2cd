namespace PcapDiff.Cli.Tests;

/// <summary>What one run of the command line produced.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>pcapdiff</c> in-process with <paramref name="args"/>.</summary>
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApplication.Run(args, output, error, CliConsole.Pipes);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
