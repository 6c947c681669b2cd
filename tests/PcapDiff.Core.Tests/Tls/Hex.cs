namespace PcapDiff.Core.Tests.Tls;

/// <summary>Hex as test vectors print it: in pairs, rows and either case, whitespace ignored.</summary>
internal static class Hex
{
    /// <summary>The bytes of <paramref name="text"/>, whatever whitespace separates its digits.</summary>
    public static byte[] Parse(string text) => Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
}
