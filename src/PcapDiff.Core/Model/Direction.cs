namespace PcapDiff.Core.Model;

/// <summary>Which side of a flow sent a packet or an event.</summary>
public enum Direction : byte
{
    /// <summary>From the client (originator) to the server (responder).</summary>
    ClientToServer = 0,

    /// <summary>From the server (responder) to the client (originator).</summary>
    ServerToClient = 1,
}
