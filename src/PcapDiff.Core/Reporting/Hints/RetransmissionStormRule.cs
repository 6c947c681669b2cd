using System.Globalization;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>Many segments sent twice in a flow whose data did arrive: loss on the path.</summary>
internal sealed class RetransmissionStormRule : IHintRule
{
    /// <summary>At least this many retransmissions…</summary>
    public const int MinRetransmissions = 5;

    /// <summary>…making up at least this share of the flow's packets.</summary>
    public const double MinShare = 0.02;

    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["retransmission-storm"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        int retransmissions = flow.Anomalies.Retransmissions;
        long packets = flow.ClientToServer.Packets + flow.ServerToClient.Packets;
        if (retransmissions < MinRetransmissions || packets == 0 || retransmissions < MinShare * packets
            || flow.ClientBytesUnacknowledged > 0 || flow.ServerBytesUnacknowledged > 0)
        {
            // Data that never got through is data-never-acknowledged, not loss.
            return null;
        }

        string share = (100.0 * retransmissions / packets).ToString("0.#", CultureInfo.InvariantCulture);
        return Hint.From(
            "retransmission-storm",
            $"{retransmissions} retransmissions in {packets} packets ({share} %)",
            "Segments were lost and sent again: packet loss on the path (a congested or faulty link, Wi-Fi, a policer or shaper) "
            + "or a receiver too slow to acknowledge in time. The data arrived, but late: expect slow transfers and timeouts. "
            + "Interface error and drop counters along the path, or a capture on the other side, show where packets go missing.",
            flow.Events.Where(e => e.Repeats > 0 && e.Kind == EventKind.Data).Take(3));
    }
}
