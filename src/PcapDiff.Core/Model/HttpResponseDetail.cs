namespace PcapDiff.Core.Model;

/// <summary>An HTTP/1.x status line.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Reason">The reason phrase, escaped for display; null when there is none.</param>
internal sealed record HttpResponseDetail(int Status, string? Reason) : EventDetail
{
    /// <summary>True for a 4xx or 5xx status.</summary>
    public bool IsError => Status is >= 400 and < 600;
}
