using System.CommandLine;
using PcapDiff.Cli.Commands;
using PcapDiff.Core;
using PcapDiff.Rendering;

namespace PcapDiff.Cli;

/// <summary>Builds the command line and runs it, mapping every failure to one line on stderr and exit code 2.</summary>
public static class CliApplication
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CliConsole? console = null)
    {
        console ??= CliConsole.Process;
        if (args is ["--version"])
        {
            output.WriteLine(VersionText());
            return ExitCodes.Success;
        }

        var root = DiffCommand.Create(output, error, console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"pcapdiff: {SafeText.Line(ParseErrorText.Describe(parsed))}");
            error.WriteLine("Try 'pcapdiff --help'.");
            return ExitCodes.Error;
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            using var help = new StringWriter();
            int code = parsed.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
            output.Write(HelpText.Fix(help.ToString(), subcommand: parsed.CommandResult.Command is not System.CommandLine.RootCommand));
            return code;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PcapDiffException e)
        {
            error.WriteLine($"pcapdiff: {SafeText.Line(e.Message)}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Inputs and output files report their own failures: what is left is standard output
            // (a full disk, a closed descriptor).
            error.WriteLine($"pcapdiff: {SafeText.Line(WriteFailure.For("standard output", e).Message)}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace: one line, and the way to get more.
            error.WriteLine($"pcapdiff: internal error: {e.GetType().Name}: {SafeText.Line(e.Message)} (set PCAPDIFF_DEBUG=1 for details)");
            if (console.Variable("PCAPDIFF_DEBUG") == "1")
            {
                error.WriteLine(e);
            }

            return ExitCodes.Error;
        }
    }

    /// <summary>"pcapdiff 0.1.0 (0200a05)": the name, the version and the commit it was built from, if known.</summary>
    internal static string VersionText()
    {
        string informational = typeof(CliApplication).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return $"pcapdiff {informational}";
        }

        string commit = informational[(plus + 1)..];
        return $"pcapdiff {informational[..plus]} ({commit[..Math.Min(7, commit.Length)]})";
    }
}
