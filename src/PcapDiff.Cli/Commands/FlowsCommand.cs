using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Rendering;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff flows CAPTURE</c>: the normalized flows of one run as a <c>.flows</c> file.</summary>
internal sealed class FlowsCommand
{
    private readonly Argument<string> _capture = new("CAPTURE") { Description = "A capture (or a .flows file, which is written back normalized)." };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to this file instead of standard output (- is standard output)." };

    private readonly Option<string?> _filter = CommonOptions.FilterOption();

    public static Command Create(TextWriter output, TextWriter error)
    {
        var flows = new FlowsCommand();
        var command = new Command("flows", "Prints the normalized flows of a capture as a .flows file, for snapshot tests: pcapdiff flows run.pcap > expected.flows")
        {
            flows._capture,
            flows._filter,
            flows._output,
        };
        command.SetAction(parsed => flows.Run(parsed, output, error));
        return command;
    }

    private int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        string path = parsed.GetValue(_capture)!;
        var run = RunLoader.Load(path, new CaptureReaderOptions(parsed.GetValue(_filter)));
        WarningLines.Write(error, run.Warnings);

        string text = FlowsWriter.ToText(run.Flows);
        if (parsed.GetValue(_output) is { } file && file != "-")
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
