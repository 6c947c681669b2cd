namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>TCP sequence and acknowledgment numbers compared as TCP compares them, modulo 2^32.</summary>
internal static class TcpSequence
{
    /// <summary>True when <paramref name="a"/> comes after <paramref name="b"/>.</summary>
    public static bool After(uint a, uint b) => (int)(a - b) > 0;
}
