namespace PcapDiff.Core.Model;

/// <summary>An HTTP/1.x request line.</summary>
/// <param name="Method">The method token (<c>GET</c>, <c>POST</c>, …).</param>
/// <param name="Path">The request target without its query, escaped for display.</param>
/// <param name="HasQuery">Whether the target had a query (its values are not compared).</param>
internal sealed record HttpRequestDetail(string Method, string Path, bool HasQuery) : EventDetail;
