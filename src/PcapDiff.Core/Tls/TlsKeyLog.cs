using System.Buffers;

namespace PcapDiff.Core.Tls;

/// <summary>
/// TLS secrets from key logs in the NSS key log format (RFC 9850): one <c>LABEL client_random secret</c>
/// per line, in hex, as curl, Firefox, <c>openssl s_client -keylogfile</c>, Python's
/// <c>keylog_filename</c> and Node's <c>--tls-keylog</c> write them, or as a pcapng Decryption
/// Secrets Block carries them. Reading never fails: what is not a key line is counted and skipped.
/// The secrets are never shown: nothing here prints them.
/// </summary>
internal sealed class TlsKeyLog
{
    private const int RandomLength = 32;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly Dictionary<string, TlsSessionSecrets> _sessions = new(StringComparer.Ordinal);

    /// <summary>Sessions (client randoms) with at least one secret.</summary>
    public int Sessions => _sessions.Count;

    /// <summary>Lines that look like none of the key log's lines (not a comment, blank or a known or unknown label with hex values).</summary>
    public int MalformedLines { get; private set; }

    /// <summary>Reads key log text; later lines for the same secret replace earlier ones.</summary>
    public static TlsKeyLog Parse(string text)
    {
        var log = new TlsKeyLog();
        log.Read(text);
        return log;
    }

    /// <summary>Adds the lines of more key log text (another file, or a Decryption Secrets Block).</summary>
    public void Read(string text)
    {
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (!Add(line))
            {
                MalformedLines++;
            }
        }
    }

    /// <summary>Adds every session of <paramref name="other"/>, its secrets replacing those this log has for the same client random.</summary>
    public void Add(TlsKeyLog other)
    {
        foreach (var (random, secrets) in other._sessions)
        {
            _sessions[random] = _sessions.TryGetValue(random, out var mine) ? mine.With(secrets) : secrets;
        }

        MalformedLines += other.MalformedLines;
    }

    /// <summary>The secrets logged for the session whose ClientHello carried <paramref name="clientRandom"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> clientRandom, out TlsSessionSecrets secrets) =>
        _sessions.TryGetValue(Convert.ToHexString(clientRandom), out secrets!);

    private bool Add(ReadOnlySpan<char> line)
    {
        Span<Range> parts = stackalloc Range[4];
        if (line.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 3)
        {
            return false;
        }

        var label = line[parts[0]];
        var random = line[parts[1]];
        if (random.Length != 2 * RandomLength || !IsHex(random) || !IsHex(line[parts[2]]) || line[parts[2]].Length % 2 != 0)
        {
            return false;
        }

        byte[] secret = Convert.FromHexString(line[parts[2]]);
        var known = label switch
        {
            "CLIENT_RANDOM" when secret.Length == 48 => new TlsSessionSecrets { MasterSecret = secret },
            "CLIENT_HANDSHAKE_TRAFFIC_SECRET" => new TlsSessionSecrets { ClientHandshakeTrafficSecret = secret },
            "SERVER_HANDSHAKE_TRAFFIC_SECRET" => new TlsSessionSecrets { ServerHandshakeTrafficSecret = secret },
            "CLIENT_TRAFFIC_SECRET_0" => new TlsSessionSecrets { ClientTrafficSecret0 = secret },
            "SERVER_TRAFFIC_SECRET_0" => new TlsSessionSecrets { ServerTrafficSecret0 = secret },
            "CLIENT_RANDOM" => null,
            _ => TlsSessionSecrets.None, // EXPORTER_SECRET, early data secrets, …: well formed, not needed
        };
        if (known is null)
        {
            return false;
        }

        if (!ReferenceEquals(known, TlsSessionSecrets.None))
        {
            string key = random.ToString().ToUpperInvariant();
            _sessions[key] = _sessions.TryGetValue(key, out var secrets) ? secrets.With(known) : known;
        }

        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(HexDigits);
}
