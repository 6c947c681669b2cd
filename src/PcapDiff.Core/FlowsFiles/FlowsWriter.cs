using System.Globalization;
using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>
/// Writes the normalized flows of a run as a <c>.flows</c> file: a version line, then each flow's
/// header and its events, one per line. Nothing in it varies between two runs of the same
/// exchange (no ports, frame numbers or times), so two good runs write the same text.
/// The format is described in docs/flows-format.md.
/// </summary>
public static class FlowsWriter
{
    /// <summary>The first line of every <c>.flows</c> file.</summary>
    public const string Header = "pcapdiff flows 1";

    /// <summary>Writes <paramref name="flows"/> to <paramref name="output"/>.</summary>
    public static void Write(CaptureFlows flows, TextWriter output)
    {
        output.Write(Header);
        output.Write('\n');
        foreach (var flow in flows.Flows)
        {
            output.Write('\n');
            output.Write(FlowLine(flow));
            output.Write('\n');
            foreach (var e in flow.Events)
            {
                output.Write("  ");
                output.Write(e.Text);
                output.Write('\n');
            }
        }
    }

    /// <summary>Writes <paramref name="flows"/> to a string.</summary>
    public static string ToText(CaptureFlows flows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(flows, text);
        return text.ToString();
    }

    /// <summary>The header line of a flow: <c>flow TCP collector.test:8514</c>, <c>flow UDP 192.0.2.1:53 dns collector.test</c>.</summary>
    internal static string FlowLine(Flow flow)
    {
        string prefix = flow.IsOptional ? "optional flow" : "flow";
        string protocol = flow.Protocol switch
        {
            Transport.Icmpv6 => "ICMPv6",
            var p => p.ToString().ToUpperInvariant(),
        };
        string host = flow.ServerName is { } name ? FlowsSyntax.EscapeName(name) : Literal(flow.Server.Address);
        string server = flow.Protocol is Transport.Icmp or Transport.Icmpv6
            ? host
            : $"{host}:{flow.Server.Port.ToString(CultureInfo.InvariantCulture)}";
        string dns = flow is { IsDns: true, QueryName: { } query } ? $" dns {FlowsSyntax.EscapeName(query)}" : string.Empty;
        return $"{prefix} {protocol} {server}{dns}";
    }

    private static string Literal(IpAddress address) => address.Version == 6 ? $"[{address}]" : address.ToString();
}
