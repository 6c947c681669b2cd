using PcapDiff.Core.Runs;

namespace PcapDiff.Core.Decoding;

/// <summary>
/// Warnings about a BPF filter that left a capture with nothing, or with far less than the other run:
/// a filter that reads right for one capture can miss everything in another (VLAN tags are the usual
/// reason: <c>tcp port 8514</c> does not look inside an 802.1Q frame, <c>vlan and tcp port 8514</c> does).
/// </summary>
internal static class FilterCoverage
{
    /// <summary>Below this share of the other run's frames, a filtered capture is worth a warning.</summary>
    public const double FewerShare = 0.1;

    /// <summary>The warning for a capture in which the filter matched no frame at all; null otherwise.</summary>
    public static RunWarning? NothingMatched(CaptureReadResult read, string name) =>
        read is { Filter: { } filter, Frames: 0, FramesInFile: > 0 }
            ? new RunWarning(RunWarningKind.FilterMatchedNothing, name, $"the filter \"{filter}\" matched none of its {Frames(read.FramesInFile)}{Vlan(read)}")
            : null;

    /// <summary>
    /// The warning for a capture in which the filter kept far fewer frames than in the other run's
    /// capture (and some, so <see cref="NothingMatched"/> did not already say it); null otherwise.
    /// </summary>
    public static RunWarning? FarFewer(CaptureReadResult? read, string name, CaptureReadResult? other, string otherName)
    {
        if (read is not { Filter: { } filter, Frames: > 0 } || other is not { Frames: >= 10 } || read.Frames >= FewerShare * other.Frames)
        {
            return null;
        }

        return new RunWarning(
            RunWarningKind.FilterKeptFew, name, $"the filter \"{filter}\" kept only {read.Frames} of its {Frames(read.FramesInFile)}, against {other.Frames} in {otherName}{Vlan(read)}");
    }

    private static string Vlan(CaptureReadResult read) => read.TaggedFramesFilteredOut > 0
        ? $"; {read.TaggedFramesFilteredOut} of the frames it left out carry 802.1Q VLAN tags, which the filter must allow for: try \"vlan and ({read.Filter})\""
        : string.Empty;

    private static string Frames(long count) => count == 1 ? "1 frame" : $"{count} frames";
}
