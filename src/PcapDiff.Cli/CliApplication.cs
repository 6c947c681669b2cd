using System.CommandLine;
using PcapDiff.Cli.Commands;
using PcapDiff.Core;
using PcapDiff.Rendering;

namespace PcapDiff.Cli;

/// <summary>Builds the command line and runs it, mapping every failure to one line on stderr and exit code 2.</summary>
public static class CliApplication
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = DiffCommand.Create(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"pcapdiff: {SafeText.Clean(parseError.Message)}");
            }

            error.WriteLine("Try 'pcapdiff --help'.");
            return ExitCodes.Error;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PcapDiffException e)
        {
            error.WriteLine($"pcapdiff: {SafeText.Clean(e.Message)}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace: one line, and the way to get more.
            error.WriteLine($"pcapdiff: internal error: {e.GetType().Name}: {SafeText.Clean(e.Message.ReplaceLineEndings(" "))} (set PCAPDIFF_DEBUG=1 for details)");
            if (Environment.GetEnvironmentVariable("PCAPDIFF_DEBUG") == "1")
            {
                error.WriteLine(e);
            }

            return ExitCodes.Error;
        }
    }
}
