using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The server answers the SYN with RST: the port is closed.</summary>
internal sealed class SynAnsweredByResetRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["syn-answered-by-rst"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var events = flow.Events;
        if (events.Count >= 2
            && events[0] is { Kind: EventKind.Syn, Direction: Direction.ClientToServer }
            && events[1] is { Kind: EventKind.Rst, Direction: Direction.ServerToClient })
        {
            return Hint.From(
                "syn-answered-by-rst",
                $"Connection refused: the server answered the SYN with RST",
                $"Nothing listens on port {flow.Server.Port} of {flow.ServerLabel}, or a firewall rejects the connection with a TCP reset. "
                + "Check that the service is running and bound to this address and port.",
                events[0], events[1]);
        }

        return null;
    }
}
