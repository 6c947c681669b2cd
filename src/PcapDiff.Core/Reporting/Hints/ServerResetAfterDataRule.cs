using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>The connection was up and the client had sent data, and the server answered with RST.</summary>
internal sealed class ServerResetAfterDataRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["server-rst-after-data"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var events = flow.Events;
        bool established = false;
        FlowEvent? request = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case { Kind: EventKind.SynAck, Direction: Direction.ServerToClient }:
                    established = true;
                    break;
                case { Kind: EventKind.Data, Direction: Direction.ClientToServer } when established:
                    request = e;
                    break;
                case { Kind: EventKind.Rst, Direction: Direction.ServerToClient } when request is not null:
                    return Hint.From(
                        "server-rst-after-data",
                        "The server reset the connection after the client's data",
                        "The connection was accepted and the client's data arrived, then the server aborted with RST instead of answering. "
                        + "Usually the server application rejected or could not parse what it got (the wrong protocol, e.g. TLS to a plain-text port "
                        + "or the reverse; a request that is too big or malformed), crashed, or closed with unread data; or a proxy or load balancer "
                        + "in front of it gave up. The server's log for this connection says which.",
                        request,
                        e);
                case { Kind: EventKind.Rst }:
                    return null;
            }
        }

        return null;
    }
}
