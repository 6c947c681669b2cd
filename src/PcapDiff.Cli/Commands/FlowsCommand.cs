using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Rendering;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff flows CAPTURE</c>: the normalized flows of one run as a <c>.flows</c> file.</summary>
internal static class FlowsCommand
{
    private static readonly Argument<string> CaptureArgument = new("CAPTURE") { Description = "A capture (or a .flows file, which is written back normalized)." };

    private static readonly Option<string?> OutputOption = new("--output", "-o") { Description = "Write to this file instead of standard output (- is standard output)." };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("flows", "Prints the normalized flows of a capture as a .flows file, for snapshot tests: pcapdiff flows run.pcap > expected.flows")
        {
            CaptureArgument,
            CommonOptions.Filter,
            OutputOption,
        };
        command.SetAction(parsed => Run(parsed, output, error));
        return command;
    }

    private static int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        string path = parsed.GetValue(CaptureArgument)!;
        var run = RunLoader.Load(path, new CaptureReaderOptions(parsed.GetValue(CommonOptions.Filter)));
        foreach (string warning in run.Warnings)
        {
            error.WriteLine($"pcapdiff: warning: {SafeText.Line(warning)}");
        }

        string text = FlowsWriter.ToText(run.Flows);
        if (parsed.GetValue(OutputOption) is { } file && file != "-")
        {
            try
            {
                File.WriteAllText(file, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw WriteFailure.For(file, e);
            }
        }
        else
        {
            output.Write(text);
        }

        return ExitCodes.Success;
    }
}
