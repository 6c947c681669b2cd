using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>A DNS response that says the name could not be resolved.</summary>
internal sealed class DnsErrorRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["dns-nxdomain", "dns-failure"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        foreach (var e in flow.Events)
        {
            if (e.Detail is not DnsDetail { ResponseCode: { } code } dns)
            {
                continue;
            }

            string name = dns.QueryName;
            if (code == DnsDetail.NameError)
            {
                return Hint.From(
                    "dns-nxdomain",
                    $"DNS says {name} does not exist (NXDOMAIN)",
                    "The resolver answered that the name does not exist: a typo in the host name, a record that is missing, "
                    + "or a query sent to the wrong resolver or with the wrong search domain. No connection can follow.",
                    e);
            }

            if (code is DnsDetail.ServerFailure or DnsDetail.Refused)
            {
                return Hint.From(
                    "dns-failure",
                    $"DNS could not resolve {name}",
                    "The resolver failed (SERVFAIL) or refused (REFUSED) the query: its upstream is unreachable, DNSSEC validation failed, "
                    + "or it does not serve this client.",
                    e);
            }
        }

        return null;
    }
}
