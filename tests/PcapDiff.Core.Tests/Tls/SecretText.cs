namespace PcapDiff.Core.Tests.Tls;

/// <summary>Checks that a text shows no trace of a secret: not in hex of either case, nor in Base64.</summary>
internal static class SecretText
{
    /// <summary>Fails if <paramref name="text"/> holds <paramref name="secret"/>, or even its first 4 bytes, in a usual encoding.</summary>
    public static void AssertAbsent(string text, byte[] secret)
    {
        var prefix = secret.AsSpan(0, Math.Min(4, secret.Length));
        Assert.DoesNotContain(Convert.ToHexString(prefix), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(prefix).Insert(2, "-"), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(secret), text, StringComparison.Ordinal);
        Assert.DoesNotContain(string.Join(", ", prefix.ToArray()), text, StringComparison.Ordinal);
    }
}
