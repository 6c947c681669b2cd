using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PcapDiff.Core.Tls;

/// <summary>
/// Secrets read from NSS key log files (SSLKEYLOGFILE; draft-ietf-tls-keylogfile), by client_random.
/// Each line is <c>LABEL client_random secret</c>, the last two in hex. The labels kept are
/// CLIENT_RANDOM (the TLS 1.2 master secret) and the four TLS 1.3 handshake and application traffic
/// secrets; other labels (EXPORTER_SECRET, CLIENT_EARLY_TRAFFIC_SECRET, OpenSSL's RSA and
/// CLIENT_TRAFFIC_SECRET_N, ...) are passed over whatever their values look like. Reading never
/// throws: a line without exactly three fields, or with a kept label and bad hex or a wrong length,
/// is counted in <see cref="MalformedLines"/> and skipped. A later line for the same label and
/// client_random replaces an earlier one.
/// </summary>
internal sealed class TlsKeyLog
{
    /// <summary>The label of a TLS 1.2 master secret line.</summary>
    public const string ClientRandomLabel = "CLIENT_RANDOM";

    /// <summary>The label of a TLS 1.3 client handshake traffic secret line.</summary>
    public const string ClientHandshakeLabel = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";

    /// <summary>The label of a TLS 1.3 server handshake traffic secret line.</summary>
    public const string ServerHandshakeLabel = "SERVER_HANDSHAKE_TRAFFIC_SECRET";

    /// <summary>The label of a TLS 1.3 first client application traffic secret line.</summary>
    public const string ClientTrafficLabel = "CLIENT_TRAFFIC_SECRET_0";

    /// <summary>The label of a TLS 1.3 first server application traffic secret line.</summary>
    public const string ServerTrafficLabel = "SERVER_TRAFFIC_SECRET_0";

    private const int ClientRandomLength = 32;
    private const int MasterSecretLength = 48;

    private readonly Dictionary<string, TlsSessionSecrets> _sessions = new(StringComparer.Ordinal);

    /// <summary>Lines that were neither blank, a comment, an ignored label nor a well-formed kept line.</summary>
    public int MalformedLines { get; private set; }

    /// <summary>Client randoms with at least one kept secret.</summary>
    public int Sessions => _sessions.Count;

    /// <summary>Reads a key log's text: LF or CRLF lines, <c>#</c> comments and blank lines allowed.</summary>
    public static TlsKeyLog Parse(string text)
    {
        var log = new TlsKeyLog();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            log.ReadLine(text.AsSpan()[range].Trim());
        }

        return log;
    }

    /// <summary>Reads a key log as the bytes of its file (or of a pcapng Decryption Secrets Block); invalid UTF-8 only spoils its lines.</summary>
    public static TlsKeyLog Parse(ReadOnlySpan<byte> utf8) => Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>Takes in another log's secrets and malformed-line count; where both have a secret, <paramref name="other"/>'s wins.</summary>
    public void Add(TlsKeyLog other)
    {
        foreach (var (clientRandom, secrets) in other._sessions)
        {
            Put(clientRandom, secrets);
        }

        MalformedLines += other.MalformedLines;
    }

    /// <summary>The secrets logged for a connection's client_random (the 32 bytes of its ClientHello random).</summary>
    public bool TryGet(ReadOnlySpan<byte> clientRandom, [MaybeNullWhen(false)] out TlsSessionSecrets secrets)
    {
        if (clientRandom.Length != ClientRandomLength)
        {
            secrets = null;
            return false;
        }

        return _sessions.TryGetValue(Convert.ToHexString(clientRandom), out secrets);
    }

    /// <summary>What the log holds, without any secret: <c>TlsKeyLog { Sessions = 2, MalformedLines = 0 }</c>.</summary>
    public override string ToString() => $"TlsKeyLog {{ Sessions = {Sessions}, MalformedLines = {MalformedLines} }}";

    private void ReadLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] == '#')
        {
            return;
        }

        Span<Range> fields = stackalloc Range[4];
        int count = line.SplitAny(fields, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count != 3)
        {
            MalformedLines++;
            return;
        }

        var label = line[fields[0]];
        if (!IsKept(label))
        {
            return;
        }

        var randomHex = line[fields[1]];
        var secretHex = line[fields[2]];
        Span<byte> random = stackalloc byte[ClientRandomLength];
        var secret = new byte[secretHex.Length / 2];
        bool valid = randomHex.Length == 2 * ClientRandomLength
            && secretHex.Length % 2 == 0
            && FitsLabel(label, secret.Length)
            && Convert.FromHexString(randomHex, random, out _, out _) == OperationStatus.Done
            && Convert.FromHexString(secretHex, secret, out _, out _) == OperationStatus.Done;
        if (!valid)
        {
            MalformedLines++;
            return;
        }

        Put(Convert.ToHexString(random), Secrets(label, secret));
    }

    private static bool IsKept(ReadOnlySpan<char> label) =>
        label is ClientRandomLabel or ClientHandshakeLabel or ServerHandshakeLabel or ClientTrafficLabel or ServerTrafficLabel;

    /// <summary>
    /// Whether a secret of this many bytes can be the label's: 48 for a master secret (RFC 5246 §8.1);
    /// for a TLS 1.3 traffic secret the hash length of a suite, 32 (SHA-256) or 48 (SHA-384).
    /// </summary>
    private static bool FitsLabel(ReadOnlySpan<char> label, int length) =>
        label is ClientRandomLabel ? length == MasterSecretLength : length is 32 or 48;

    private static TlsSessionSecrets Secrets(ReadOnlySpan<char> label, byte[] secret) => label switch
    {
        ClientRandomLabel => new TlsSessionSecrets { MasterSecret = secret },
        ClientHandshakeLabel => new TlsSessionSecrets { ClientHandshakeTrafficSecret = secret },
        ServerHandshakeLabel => new TlsSessionSecrets { ServerHandshakeTrafficSecret = secret },
        ClientTrafficLabel => new TlsSessionSecrets { ClientTrafficSecret0 = secret },
        _ => new TlsSessionSecrets { ServerTrafficSecret0 = secret },
    };

    private void Put(string clientRandom, TlsSessionSecrets secrets) =>
        _sessions[clientRandom] = _sessions.TryGetValue(clientRandom, out var known) ? known.Merge(secrets) : secrets;
}
