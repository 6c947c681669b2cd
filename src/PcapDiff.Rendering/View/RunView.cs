using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering.View;

/// <summary>One run as the report's header names it.</summary>
/// <param name="Label">What the user calls it: <c>good</c>.</param>
/// <param name="Name">The file name.</param>
/// <param name="Description">Name, frames, format and flows: <c>good-nc-1.pcap (12 frames, pcap, 2 flows)</c>.</param>
public sealed record RunView(string Label, string Name, string Description)
{
    internal static RunView Of(CaptureSide side)
    {
        string flows = side.Flows == 1 ? "1 flow" : $"{side.Flows} flows";
        string frames = side.Read is { } read ? $"{read.Frames} frames, {read.Format}, " : string.Empty;
        return new(side.Label, side.Name, $"{side.Name} ({frames}{flows})");
    }
}
