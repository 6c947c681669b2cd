using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Tests.Reporting.Hints;

/// <summary>Flows for single hint rules: written as <c>.flows</c> text, with the fields text does not carry set on top.</summary>
internal static class HintFlows
{
    /// <summary>The one flow of <paramref name="body"/> (the lines after the header); an event's frame number is its line number.</summary>
    public static Flow Parse(string body) =>
        Assert.Single(FlowsParser.Parse("pcapdiff flows 1\n" + body.Replace("\r", "", StringComparison.Ordinal) + "\n", "x.flows").Flows);

    /// <summary>The flow with event <paramref name="index"/> changed by <paramref name="change"/>.</summary>
    public static Flow WithEvent(this Flow flow, int index, Func<FlowEvent, FlowEvent> change) =>
        flow with { Events = [.. flow.Events.Select((e, i) => i == index ? change(e) : e)] };

    /// <summary>The first event whose text contains <paramref name="text"/>.</summary>
    public static FlowEvent Event(this Flow flow, string text) => flow.Events.First(e => e.Text.Contains(text, StringComparison.Ordinal));
}
