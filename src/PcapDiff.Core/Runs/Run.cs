using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;

namespace PcapDiff.Core.Runs;

/// <summary>
/// One run, from loading to the report: what it is called, where its flows came from (a capture
/// or a <c>.flows</c> expectation), the flows, how the capture was read and what the user should
/// be warned about.
/// </summary>
public sealed record Run
{
    private Run(string name, RunSource source, CaptureFlows flows, CaptureReadResult? read, IReadOnlyList<RunWarning> warnings)
    {
        Name = name;
        Label = name;
        Source = source;
        Flows = flows;
        Read = read;
        Warnings = warnings;
    }

    /// <summary>The input's name as reports show it: its file name, or "standard input".</summary>
    public string Name { get; init; }

    /// <summary>What a comparison calls the run ("good", "bad", the user's own labels); the name until one is given.</summary>
    public string Label { get; init; }

    /// <summary>Whether the flows were read from a capture or from a <c>.flows</c> expectation.</summary>
    public RunSource Source { get; }

    /// <summary>The run's flows.</summary>
    public CaptureFlows Flows { get; }

    /// <summary>How the capture file was read (format, frame counts, times); null for an expectation.</summary>
    public CaptureReadResult? Read { get; }

    /// <summary>What the user should know about the input: parts not read, or read but not compared.</summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; }

    /// <summary>A run read from a capture, with the reader's warnings.</summary>
    public static Run FromCapture(string name, CaptureReadResult read, CaptureFlows flows) =>
        new(name, RunSource.Capture, flows, read, read.Warnings);

    /// <summary>A run whose flows were assembled from packets in memory, with no capture file read.</summary>
    internal static Run FromPackets(string name, CaptureFlows flows) =>
        new(name, RunSource.Capture, flows, null, []);

    /// <summary>A run read from a <c>.flows</c> expectation.</summary>
    public static Run FromExpectation(string name, CaptureFlows flows, IReadOnlyList<RunWarning>? warnings = null) =>
        new(name, RunSource.Expectation, flows, null, warnings ?? []);
}
