using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>The HTTP decoder names requests and responses and finds the next message after every kind of body.</summary>
public sealed class HttpDecoderTests
{
    /// <summary>A POST with a Content-Length body that itself looks like HTTP, and its 201 response.</summary>
    internal static Segment[] ContentLengthExchange() =>
    [
        Segment.Client("POST /api/items HTTP/1.1\r\nHost: collector.test\r\nContent-Length: 27\r\n\r\n"),
        Segment.Client("GET /not-a-request HTTP/1.1"),
        Segment.Server("HTTP/1.1 201 Created\r\nContent-Length: 17\r\n\r\nHTTP/1.1 500 No\r\n"),
        Segment.Client("GET /next HTTP/1.1\r\n\r\n"),
        Segment.Server("HTTP/1.1 200 OK\r\ncontent-length:0\r\n\r\n"),
    ];

    /// <summary>Three pipelined requests in one segment; the responses (chunked, HEAD, 404) in one segment.</summary>
    internal static Segment[] Pipelined() =>
    [
        Segment.Client("GET /a HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n\r\nGET /c?id=42 HTTP/1.1\r\nHost: h\r\n\r\n"),
        Segment.Server(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
            + "5;name=value\r\nHTTP/\r\n1B\r\nHTTP/1.1 999 In the chunk\r\n\r\n0\r\nTrailer: yes\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
            + "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnope\n"),
    ];

    [Fact]
    public void Should_skip_the_body_by_its_length_When_the_body_looks_like_http()
    {
        var found = StreamScript.Run(new HttpDecoder(), ContentLengthExchange());

        Assert.Equal(
            [
                "> 0 HTTP POST /api/items",
                "< 0 HTTP 201 Created",
                "> 97 HTTP GET /next",
                "< 61 HTTP 200 OK",
            ],
            found.Select(f => f.ToString()));
    }

    [Fact]
    public void Should_find_each_message_When_requests_are_pipelined_and_bodies_chunked()
    {
        var found = StreamScript.Run(new HttpDecoder(), Pipelined());

        Assert.Equal(
            [
                "HTTP GET /a",
                "HTTP HEAD /b",
                "HTTP GET /c?…",
                "HTTP 200 OK",
                "HTTP 200 OK",
                "HTTP 404 Not Found",
            ],
            found.Texts());
    }

    [Fact]
    public void Should_keep_reading_When_a_response_has_no_body_by_its_status()
    {
        Segment[] segments =
        [
            Segment.Client("PUT /upload HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabcDELETE /x HTTP/1.1\r\n\r\nGET /y HTTP/1.1\r\n\r\n"),
            Segment.Server(
                "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(
            ["HTTP PUT /upload", "HTTP DELETE /x", "HTTP GET /y", "HTTP 100 Continue", "HTTP 204 No Content", "HTTP 304 Not Modified", "HTTP 200 OK"],
            found.Texts());
    }

    [Fact]
    public void Should_stop_both_directions_When_the_server_switches_protocols()
    {
        Segment[] segments =
        [
            Segment.Client("GET /chat HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"),
            Segment.Server("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x05HTTP/"),
            Segment.Client("GET /again HTTP/1.1\r\n\r\n"),
            Segment.Server("HTTP/1.1 200 OK\r\n\r\n"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(["HTTP GET /chat", "HTTP 101 Switching Protocols"], found.Texts());
    }

    [Fact]
    public void Should_stop_both_directions_When_a_connect_tunnel_opens()
    {
        Segment[] segments =
        [
            Segment.Client("CONNECT collector.test:443 HTTP/1.1\r\nHost: collector.test:443\r\n\r\n"),
            Segment.Server("HTTP/1.1 200 Connection established\r\n\r\n"),
            Segment.Client("GET / HTTP/1.1\r\n\r\n"),
            Segment.Server("HTTP/1.1 200 OK\r\n\r\n"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(["HTTP CONNECT collector.test:443", "HTTP 200 Connection established"], found.Texts());
    }

    [Fact]
    public void Should_stop_the_server_direction_When_a_response_runs_to_the_close()
    {
        Segment[] segments =
        [
            Segment.Client("GET /old HTTP/1.0\r\n\r\nGET /more HTTP/1.0\r\n\r\n"),
            Segment.Server("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nHTTP/1.0 200 OK\r\n\r\n"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(["HTTP GET /old", "HTTP GET /more", "HTTP 200 OK"], found.Texts());
    }

    [Theory]
    [InlineData("GET /search?q=secret&token=abc HTTP/1.1", "HTTP GET /search?…")]
    [InlineData("GET / HTTP/1.1", "HTTP GET /")]
    [InlineData("OPTIONS * HTTP/1.1", "HTTP OPTIONS *")]
    [InlineData("GET http://proxy.test/a HTTP/1.1", "HTTP GET http://proxy.test/a")]
    [InlineData("GET /a\x1b[31mb HTTP/1.1", "HTTP GET /a\\x1b[31mb")]
    [InlineData("MKCALENDAR /cal HTTP/1.1", "HTTP MKCALENDAR /cal")]
    public void Should_write_the_request_line_canonically_When_it_is_read(string requestLine, string expected)
    {
        var found = StreamScript.Run(new HttpDecoder(), [Segment.Client(requestLine + "\r\n\r\n")]);

        Assert.Equal([expected], found.Texts());
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found", "HTTP 404 Not Found")]
    [InlineData("HTTP/1.1 200", "HTTP 200")]
    [InlineData("HTTP/1.1 200 ", "HTTP 200")]
    [InlineData("HTTP/1.0 503 Service \x7fUnavailable", "HTTP 503 Service \\x7fUnavailable")]
    public void Should_write_the_status_line_canonically_When_it_is_read(string statusLine, string expected)
    {
        var found = StreamScript.Run(new HttpDecoder(), [Segment.Server(statusLine + "\r\nContent-Length: 0\r\n\r\n")]);

        Assert.Equal([expected], found.Texts());
    }

    [Fact]
    public void Should_cut_a_long_path_When_the_request_target_is_long()
    {
        string path = "/" + new string('p', 200);

        string text = Assert.Single(StreamScript.Run(new HttpDecoder(), [Segment.Client($"GET {path}?x=1 HTTP/1.1\r\n\r\n")])).Text;

        Assert.Equal("HTTP GET /" + new string('p', 63) + "…?…", text);
    }

    [Fact]
    public void Should_name_the_request_at_once_When_only_its_first_line_has_arrived()
    {
        var decoder = new HttpDecoder();
        var found = new List<AppMessage>();

        decoder.Feed(Direction.ClientToServer, 0, "\r\nGET /early HTTP/1.1\r\nHost: h"u8, found);

        Assert.Equal([(2, "HTTP GET /early")], found.Select(m => (m.Offset, m.Text)));
    }

    [Fact]
    public void Should_accept_bare_line_feeds_When_a_peer_sends_them()
    {
        Segment[] segments =
        [
            Segment.Client("GET /a HTTP/1.1\nContent-Length: 2\n\nxyGET /b HTTP/1.1\n\n"),
            Segment.Server("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(["HTTP GET /a", "HTTP GET /b", "HTTP 200 OK", "HTTP 200 OK"], found.Texts());
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n")]
    public void Should_stop_the_direction_When_the_framing_cannot_be_trusted(string head)
    {
        Segment[] segments =
        [
            Segment.Client("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n"),
            Segment.Server(head + "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(["HTTP GET /", "HTTP GET /", "HTTP 200 OK"], found.Texts());
    }

    [Fact]
    public void Should_stop_the_direction_When_a_start_line_is_not_http()
    {
        Segment[] segments =
        [
            Segment.Client("GET / HTTP/1.1\r\n\r\nthis is not a request\r\n\r\nGET /after HTTP/1.1\r\n\r\n"),
        ];

        var found = StreamScript.Run(new HttpDecoder(), segments);

        Assert.Equal(["HTTP GET /"], found.Texts());
    }

    [Fact]
    public void Should_decode_a_real_curl_session_When_two_requests_share_the_connection()
    {
        Assert.Equal(335, CapturedStreams.HttpKeepAlive[^1].Bytes.Length);

        var found = StreamScript.Run(new HttpDecoder(), CapturedStreams.HttpKeepAlive);

        Assert.Equal(
            [
                "> 0 HTTP GET /hello.txt",
                "< 0 HTTP 200 OK",
                "> 88 HTTP GET /missing?…",
                "< 191 HTTP 404 File not found",
            ],
            found.Select(f => f.ToString()));
    }
}
