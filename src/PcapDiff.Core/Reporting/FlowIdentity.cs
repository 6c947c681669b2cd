using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// How the servers of two paired flows differ. Addresses and the address family legitimately differ
/// between runs (another network, NAT, IPv4 against IPv6) and are only shown; a different server port,
/// or a different name where both runs resolved one, is a different service and so a divergence.
/// </summary>
/// <param name="PortDiffers">The server ports differ (TCP, UDP).</param>
/// <param name="NameDiffers">Both runs resolved a name for the server, and the names differ.</param>
/// <param name="AddressDiffers">Both runs' server addresses are known and differ.</param>
/// <param name="FamilyDiffers">One run used IPv4 and the other IPv6.</param>
/// <param name="QueryDiffers">DNS flows that ask for different names (their events say so too).</param>
public sealed record FlowIdentity(bool PortDiffers, bool NameDiffers, bool AddressDiffers, bool FamilyDiffers, bool QueryDiffers)
{
    /// <summary>No difference.</summary>
    public static FlowIdentity Same { get; } = new(false, false, false, false, false);

    /// <summary>True when the difference is one of behaviour: another port or another named server.</summary>
    public bool Diverges => PortDiffers || NameDiffers;

    /// <summary>True when anything differs, shown or not.</summary>
    public bool Differs => this != Same;

    /// <summary>Compares the servers of two paired flows (either may come from a <c>.flows</c> file, which knows no addresses).</summary>
    internal static FlowIdentity Of(Flow left, Flow right)
    {
        bool known = left.Server.Address.IsKnown && right.Server.Address.IsKnown;
        bool ports = left.Protocol is Transport.Tcp or Transport.Udp;
        return new FlowIdentity(
            ports && left.Server.Port != right.Server.Port,
            left.ServerName is { } a && right.ServerName is { } b && a != b,
            known && left.Server.Address != right.Server.Address,
            known && left.Server.Address.Version != right.Server.Address.Version,
            left.QueryName is { } q && right.QueryName is { } r && q != r);
    }
}
