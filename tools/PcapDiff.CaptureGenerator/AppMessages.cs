using System.Globalization;
using System.Text;

namespace PcapDiff.CaptureGenerator;

/// <summary>The application messages of the TCP services, with plausible first bytes.</summary>
internal static class AppMessages
{
    private const long MaxRequest = 4L << 20;
    private const long MaxResponse = 8L << 20;

    private static readonly string[] Paths = ["/", "/index.html", "/assets/app.js", "/assets/site.css", "/img/logo.png", "/api/v1/status", "/download/firmware.bin"];

    /// <summary>The exchanges of one connection, the greeting and how the connection usually ends.</summary>
    public static (Message? Greeting, List<Exchange> Exchanges) For(Service service, Rng rng, int flowId) => service.Protocol switch
    {
        AppProtocol.Http => (null, Http(service, rng, flowId)),
        AppProtocol.Tls => (null, Tls(service, rng)),
        AppProtocol.Smtp => (Text("220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n"), Smtp(rng, flowId)),
        _ => (null, Collector(rng, flowId)),
    };

    private static List<Exchange> Http(Service service, Rng rng, int flowId)
    {
        var exchanges = new List<Exchange>();
        int count = rng.Geometric(2.5);
        for (int i = 0; i < count; i++)
        {
            string path = Paths[rng.Next(Paths.Length)];
            bool post = rng.Chance(0.04);
            long body = post ? rng.Pareto(4_000, 1.1, MaxRequest) : 0;
            string head = (post ? "POST" : "GET") + $" {path}?v={flowId}.{i} HTTP/1.1\r\nHost: {service.Host.Name}\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                + "Accept: */*\r\nAccept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n"
                + (post ? $"Content-Type: application/octet-stream\r\nContent-Length: {body}\r\n" : string.Empty)
                + "Cookie: session=" + new string('k', (int)rng.Pareto(16, 2.0, 3_000)) + "\r\n\r\n";
            var request = new Message(Encoding.ASCII.GetBytes(head), head.Length + body);
            long size = rng.Pareto(1_500, 1.15, MaxResponse);
            exchanges.Add(new Exchange(request, HttpResponse(size), ClientThink(rng, i), ServerThink(rng)));
        }

        return exchanges;
    }

    private static Message HttpResponse(long size)
    {
        string head = string.Empty;
        for (int pass = 0; pass < 2; pass++)
        {
            long body = Math.Max(0, size - head.Length);
            head = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Tue, 24 Nov 2026 09:00:00 GMT\r\n"
                + $"Content-Type: application/octet-stream\r\nContent-Length: {body.ToString(CultureInfo.InvariantCulture)}\r\nConnection: keep-alive\r\n\r\n";
        }

        return new Message(Encoding.ASCII.GetBytes(head), Math.Max(size, head.Length));
    }

    /// <summary>A TLS 1.3 connection: ClientHello, the server's handshake flight, then application data records.</summary>
    private static List<Exchange> Tls(Service service, Rng rng)
    {
        Span<byte> sessionId = stackalloc byte[32];
        var hello = TlsHandshake.ClientHello(rng, service.Host.Name, sessionId);
        var serverHello = TlsHandshake.ServerHelloAndChangeCipherSpec(rng, sessionId);

        // The server's encrypted extensions, certificates and Finished follow in application-data records.
        var exchanges = new List<Exchange>
        {
            new(new Message(hello, hello.Length), new Message(serverHello, (long)rng.LogUniform(2_800, 5_600), recordsFrom: serverHello.Length), rng.Next(100, 400), rng.Next(800, 6_000)),
        };

        (double requestScale, double requestShape, double responseScale, double responseShape, double rounds) = service.Host.Name switch
        {
            "api.example.test" => (350.0, 1.6, 600.0, 1.3, 4.0),
            "cdn.example.test" => (420.0, 3.0, 20_000.0, 1.1, 1.5),
            _ => (480.0, 2.0, 2_500.0, 1.15, 3.0),
        };
        int count = rng.Geometric(rounds);
        for (int i = 0; i < count; i++)
        {
            long request = rng.Pareto(requestScale, requestShape, MaxRequest);
            long response = rng.Pareto(responseScale, responseShape, MaxResponse);

            // The client's first flight after the handshake carries ChangeCipherSpec before its records.
            byte[] head = i == 0 ? [0x14, 0x03, 0x03, 0x00, 0x01, 0x01] : [];
            exchanges.Add(new Exchange(
                new Message(head, request, recordsFrom: head.Length),
                new Message([], response, recordsFrom: 0),
                i == 0 ? rng.Next(50, 300) : ClientThink(rng, i),
                ServerThink(rng)));
        }

        return exchanges;
    }

    private static List<Exchange> Smtp(Rng rng, int flowId)
    {
        var exchanges = new List<Exchange>
        {
            Command($"EHLO host{flowId % 500}.example.test\r\n", "250-mail.example.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n", rng),
            Command($"MAIL FROM:<sensor{flowId % 997}@example.test>\r\n", "250 2.1.0 Ok\r\n", rng),
        };
        int recipients = rng.Geometric(1.3);
        for (int i = 0; i < recipients; i++)
        {
            exchanges.Add(Command($"RCPT TO:<ops{i}@example.test>\r\n", "250 2.1.5 Ok\r\n", rng));
        }

        exchanges.Add(Command("DATA\r\n", "354 End data with <CR><LF>.<CR><LF>\r\n", rng));
        string headers = $"From: sensor{flowId % 997}@example.test\r\nTo: ops@example.test\r\nSubject: daily report {flowId}\r\nMessage-ID: <{flowId}.{rng.NextUInt32():x8}@example.test>\r\n\r\n";
        var body = new Message(Encoding.ASCII.GetBytes(headers), rng.Pareto(2_000, 1.1, MaxRequest), textFiller: true, tail: Encoding.ASCII.GetBytes("\r\n.\r\n"));
        exchanges.Add(new Exchange(body, Text($"250 2.0.0 Ok: queued as {rng.NextUInt32():X8}\r\n"), rng.Next(200, 2_000), rng.Next(2_000, 40_000)));
        exchanges.Add(Command("QUIT\r\n", "221 2.0.0 Bye\r\n", rng));
        return exchanges;
    }

    private static Exchange Command(string command, string reply, Rng rng) =>
        new(Text(command), Text(reply), rng.Next(100, 3_000), rng.Next(100, 2_000));

    /// <summary>
    /// A sensor collector's line protocol on 8514 (the exchange of the README's example, grown):
    /// the client sends batches of readings, the collector answers each with a status line.
    /// </summary>
    private static List<Exchange> Collector(Rng rng, int flowId)
    {
        var exchanges = new List<Exchange>();
        int batches = rng.Geometric(5);
        for (int i = 0; i < batches; i++)
        {
            string head = $"sensor={flowId % 4093} batch={i} readings:\n";
            var batch = new Message(Encoding.ASCII.GetBytes(head), rng.Pareto(120, 1.3, MaxRequest), textFiller: true, tail: "\n.\n"u8.ToArray());
            exchanges.Add(new Exchange(batch, Text("201\n"), i == 0 ? rng.Next(80, 400) : rng.Next(1_000, 400_000), rng.Next(200, 8_000)));
        }

        return exchanges;
    }

    private static Message Text(string text) => new(Encoding.ASCII.GetBytes(text), text.Length);

    /// <summary>The client's pause before a request: short on a fresh connection, a user's pace after.</summary>
    private static long ClientThink(Rng rng, int exchange) =>
        exchange == 0 ? rng.Next(80, 600) : (long)Math.Min(rng.Exponential(180_000), 6_000_000);

    private static long ServerThink(Rng rng) => (long)rng.LogUniform(300, 90_000);
}
