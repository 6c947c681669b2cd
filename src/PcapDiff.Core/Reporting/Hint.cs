using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>A known failure pattern recognised in a flow, and what usually causes it.</summary>
/// <param name="Id">Stable identifier, e.g. <c>client-rst-after-syn-ack</c>; docs/hints.md lists them all.</param>
/// <param name="Title">One line naming the pattern.</param>
/// <param name="Explanation">What usually causes it and what to do.</param>
/// <param name="Frames">The frames of the evidence, in the capture the hint is about.</param>
public sealed record Hint(string Id, string Title, string Explanation, IReadOnlyList<long> Frames)
{
    /// <summary>The events the hint rests on, each as <c>#12 S→C TLS alert fatal unknown_ca</c>.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>A hint whose evidence is <paramref name="evidence"/>: their frames and their texts.</summary>
    public static Hint From(string id, string title, string explanation, params IEnumerable<FlowEvent> evidence)
    {
        var events = evidence.ToList();
        return new Hint(id, title, explanation, [.. events.SelectMany(e => e.FirstFrame == e.LastFrame ? [e.FirstFrame] : new[] { e.FirstFrame, e.LastFrame }).Distinct()])
        {
            Evidence = [.. events.Select(Describe)],
        };
    }

    private static string Describe(FlowEvent e)
    {
        string frames = e.FirstFrame == e.LastFrame ? $"#{e.FirstFrame}" : $"#{e.FirstFrame}-{e.LastFrame}";
        string repeats = Normalization.EventText.Repeats(e) is { } r ? $" ({r})" : string.Empty;
        return $"{frames} {e.Text}{repeats}";
    }
}
