using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>Every hint rule pcapdiff knows, applied in order.</summary>
internal static class HintCatalogue
{
    /// <summary>The rules.</summary>
    public static IReadOnlyList<IHintRule> Rules { get; } =
    [
        new ClientResetAfterSynAckRule(),
        new SynAnsweredByResetRule(),
        new SynUnansweredRule(),
        new HandshakeAckMismatchRule(),
        new ServerResetAfterDataRule(),
        new ServerSilentAfterDataRule(),
        new DataUnacknowledgedRule(),
        new RetransmissionStormRule(),
        new ZeroWindowRule(),
        new DnsErrorRule(),
        new DnsUnansweredRule(),
        new UdpUnansweredRule(),
        new IcmpUnreachableRule(),
        new TlsAlertRule(),
        new Tls13HandshakeAbortedRule(),
        new TlsClientCertificateMissingRule(),
        new MqttConnackRefusedRule(),
        new MqttAckRefusedRule(),
        new HttpErrorRule(),
    ];

    /// <summary>
    /// The hints for the bad flow of a pair: patterns it shows that the good flow (if any) does not,
    /// since a pattern both runs share is not what makes the bad one fail.
    /// </summary>
    public static IReadOnlyList<Hint> For(Flow bad, Flow? good)
    {
        var hints = new List<Hint>();
        var superseded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (rule.Match(bad) is { } hint && (good is null || rule.Match(good) is null))
            {
                hints.Add(hint);
                superseded.UnionWith(rule.Supersedes);
            }
        }

        hints.RemoveAll(h => superseded.Contains(h.Id));
        return hints;
    }
}
