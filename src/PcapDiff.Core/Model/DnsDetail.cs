namespace PcapDiff.Core.Model;

/// <summary>A DNS query or response (its first question).</summary>
/// <param name="Id">Transaction id: ties a response to its query within a run; never compared between runs.</param>
/// <param name="QueryType">The question's record type (1 A, 28 AAAA, …).</param>
/// <param name="QueryName">The question's name, lower-case, without the trailing dot ("." for the root).</param>
/// <param name="ResponseCode">RCODE of a response (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED, …); null for a query.</param>
/// <param name="AnswerTypes">A response's answer record types, in order (their data is not compared).</param>
internal sealed record DnsDetail(ushort Id, ushort QueryType, string QueryName, int? ResponseCode, IReadOnlyList<ushort> AnswerTypes) : EventDetail
{
    /// <summary>NXDOMAIN: the name does not exist.</summary>
    public const int NameError = 3;

    /// <summary>SERVFAIL: the resolver failed.</summary>
    public const int ServerFailure = 2;

    /// <summary>REFUSED: the resolver will not answer this client.</summary>
    public const int Refused = 5;

    /// <summary>True for a response.</summary>
    public bool IsResponse => ResponseCode is not null;
}
