using PcapDiff.Core.Runs;

namespace PcapDiff.Rendering.View;

/// <summary>One run as the report's header names it.</summary>
/// <param name="Label">What the user calls it: <c>good</c>.</param>
/// <param name="Name">The file name.</param>
/// <param name="Description">Name, frames, format and flows: <c>good-nc-1.pcap (12 frames, pcap, 2 flows)</c>.</param>
public sealed record RunView(string Label, string Name, string Description)
{
    internal static RunView Of(Run run)
    {
        int count = run.Flows.Flows.Count;
        string flows = count == 1 ? "1 flow" : $"{count} flows";
        string frames = run.Read is { } read ? $"{read.Frames} frames, {read.Format}, " : string.Empty;
        return new(run.Label, run.Name, $"{run.Name} ({frames}{flows})");
    }
}
