namespace PcapDiff.Core.Model;

/// <summary>An address and port (port 0 where the transport has none).</summary>
public readonly record struct Endpoint(IpAddress Address, ushort Port)
{
    /// <inheritdoc />
    public override string ToString() =>
        Address.Version == 6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
