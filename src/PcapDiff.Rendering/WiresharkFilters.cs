using System.Globalization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;

namespace PcapDiff.Rendering;

/// <summary>Wireshark display filters that show a flow, or the frames of a divergence, in one capture.</summary>
public static class WiresharkFilters
{
    /// <summary>The filter that shows every packet of <paramref name="flow"/>; null for a flow from a .flows file.</summary>
    public static string? ForFlow(Flow flow)
    {
        if (!flow.Client.Address.IsKnown)
        {
            return null;
        }

        string ip = flow.Server.Address.Version == 6 ? "ipv6.addr" : "ip.addr";
        string addresses = $"{ip} == {flow.Client.Address} && {ip} == {flow.Server.Address}";
        return flow.Protocol switch
        {
            Transport.Tcp or Transport.Udp =>
                $"{addresses} && {Lower(flow.Protocol)}.port == {N(flow.Client.Port)} && {Lower(flow.Protocol)}.port == {N(flow.Server.Port)}",
            Transport.Icmpv6 => $"{addresses} && icmpv6",
            _ => $"{addresses} && icmp",
        };
    }

    /// <summary>The filter for one side of a divergence: the flow's packets around the frame, or the flow.</summary>
    public static string? ForDivergence(Flow? flow, Divergence divergence, bool left)
    {
        if (flow is null)
        {
            return null;
        }

        long? frame = left ? divergence.LeftFrame : divergence.RightFrame;
        string? flowFilter = ForFlow(flow);
        return flowFilter is null ? null : frame is { } f ? $"({flowFilter}) && frame.number >= {N(f)}" : flowFilter;
    }

    private static string Lower(Transport protocol) => protocol == Transport.Tcp ? "tcp" : "udp";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
