namespace PcapDiff.Core.Runs;

/// <summary>
/// One thing the user should know about an input: what happened (<see cref="Kind"/> and
/// <see cref="Message"/>), to which input, and where in it (<see cref="Frame"/>). The run that
/// carries it is the side it belongs to.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Input">How the input is named in messages: its path, or "standard input".</param>
/// <param name="Message">The sentence after the input's name, without a final stop unless it ends a sentence.</param>
public sealed record RunWarning(RunWarningKind Kind, string Input, string Message)
{
    /// <summary>The frame it concerns (the last frame read before the reading stopped, the first frame skipped), when there is one.</summary>
    public long? Frame { get; init; }

    /// <summary>The one line a user reads: <c>bad.pcap: 2 frames skipped (2 truncated): first at frame 7</c>.</summary>
    public override string ToString() => $"{Input}: {Message}";
}
