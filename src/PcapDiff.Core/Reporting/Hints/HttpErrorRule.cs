using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>An HTTP response with a 4xx or 5xx status.</summary>
internal sealed class HttpErrorRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["http-error"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        foreach (var response in flow.Events.Where(e => e.Detail is HttpResponseDetail { IsError: true }))
        {
            int code = ((HttpResponseDetail)response.Detail!).Status;
            var request = flow.Events.LastOrDefault(e => e.Detail is HttpRequestDetail && e.FirstFrame <= response.FirstFrame);
            string what = request?.Detail is HttpRequestDetail r ? $"{r.Method} {r.Path}" : "the request";
            string cause = code switch
            {
                400 => "the server could not parse the request (a malformed header or body, or the wrong Host)",
                401 or 407 => "the request lacks valid credentials (an Authorization header, a token that expired)",
                403 => "the server refuses this client or path (permissions, an IP allow-list, a WAF rule)",
                404 => $"{what} names something the server does not have: a wrong path or host, or a file or route that is missing on this server",
                405 => "the method is not allowed on that path",
                408 => "the server gave up waiting for the request",
                413 => "the request body is larger than the server accepts",
                429 => "the client is rate-limited",
                >= 500 and < 600 when code is 502 or 503 or 504 => "a proxy or gateway could not reach the application behind it, or it is overloaded",
                >= 500 => "the server failed while handling the request: its log says why",
                _ => "the server rejected the request",
            };
            return Hint.From(
                "http-error",
                $"The server answered {EventPhrases.Noun(response)}",
                $"An HTTP {code / 100}xx status: {cause}.",
                request is null ? [response] : [request, response]);
        }

        return null;
    }
}
