using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PcapDiff.Core.Tls;

/// <summary>
/// The part of the TLS 1.3 key schedule (RFC 8446 §7) that turns a logged traffic secret into
/// record keys: HKDF-Expand-Label, the traffic key and IV (§7.3) and the KeyUpdate successor of a
/// traffic secret (§7.2).
/// </summary>
internal static class Tls13KeySchedule
{
    /// <summary>Bytes of every TLS 1.3 suite's IV (RFC 8446 §5.3: max(8, the AEAD's minimum nonce length)).</summary>
    public const int IvLength = 12;

    private const string LabelPrefix = "tls13 ";

    /// <summary>
    /// HKDF-Expand-Label(secret, label, context, length) (RFC 8446 §7.1): HKDF-Expand with the
    /// HkdfLabel of <paramref name="label"/> (without the "tls13 " prefix, which this adds).
    /// <paramref name="secret"/> must be at least the hash length, as every TLS 1.3 secret is.
    /// </summary>
    public static byte[] ExpandLabel(HashAlgorithmName hash, ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> context, int length)
    {
        var output = new byte[length];
        HKDF.Expand(hash, secret, output, HkdfLabel(label, context, length));
        return output;
    }

    /// <summary>
    /// The HkdfLabel structure: uint16 length, opaque label&lt;7..255&gt; ("tls13 " + label),
    /// opaque context&lt;0..255&gt;.
    /// </summary>
    public static byte[] HkdfLabel(string label, ReadOnlySpan<byte> context, int length)
    {
        int labelLength = Encoding.ASCII.GetByteCount(LabelPrefix) + Encoding.ASCII.GetByteCount(label);
        var info = new byte[2 + 1 + labelLength + 1 + context.Length];
        BinaryPrimitives.WriteUInt16BigEndian(info, checked((ushort)length));
        info[2] = checked((byte)labelLength);
        int at = 3 + Encoding.ASCII.GetBytes(LabelPrefix, info.AsSpan(3));
        at += Encoding.ASCII.GetBytes(label, info.AsSpan(at));
        info[at] = checked((byte)context.Length);
        context.CopyTo(info.AsSpan(at + 1));
        return info;
    }

    /// <summary>
    /// The write key and IV of a traffic secret (RFC 8446 §7.3):
    /// HKDF-Expand-Label(secret, "key", "", key_length) and HKDF-Expand-Label(secret, "iv", "", 12).
    /// </summary>
    public static TlsTrafficKeys TrafficKeys(TlsCipherSuite suite, ReadOnlySpan<byte> trafficSecret) => new(
        ExpandLabel(suite.Hash, trafficSecret, "key", [], suite.KeyLength),
        ExpandLabel(suite.Hash, trafficSecret, "iv", [], IvLength));

    /// <summary>
    /// The traffic secret that follows a KeyUpdate (RFC 8446 §7.2):
    /// application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length).
    /// </summary>
    public static byte[] NextTrafficSecret(TlsCipherSuite suite, ReadOnlySpan<byte> trafficSecret) =>
        ExpandLabel(suite.Hash, trafficSecret, "traffic upd", [], suite.HashLength);
}
