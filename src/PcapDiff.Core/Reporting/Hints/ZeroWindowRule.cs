using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>A receiver advertised a zero window: its application stopped reading.</summary>
internal sealed class ZeroWindowRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["zero-window"];

    /// <inheritdoc />
    /// <remarks>A receiver whose window closed has data it did not read: that is why it did not answer.</remarks>
    public IReadOnlyList<string> Supersedes { get; } = ["server-silent-after-data"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var a = flow.Anomalies;
        if (a.ZeroWindows == 0 || a.ZeroWindowFrom is not { } from || a.FirstZeroWindowFrame is not { } frame)
        {
            return null;
        }

        string receiver = from == Direction.ClientToServer ? "client" : "server";
        string times = a.ZeroWindows == 1 ? "once" : $"{a.ZeroWindows} times";
        return new Hint(
            "zero-window",
            $"The {receiver} advertised a zero window {times}",
            $"The {receiver}'s application stopped reading from its socket: its receive buffer filled and TCP told the sender to wait. "
            + $"The network is fine; the {receiver} is busy, blocked or deadlocked, or reads with a tiny buffer. Look at that application.",
            [frame])
        {
            Evidence = [$"#{frame} {EventText.Arrow(from)} window 0 (first of {a.ZeroWindows})"],
        };
    }
}
