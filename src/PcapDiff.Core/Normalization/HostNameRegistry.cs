using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// Remembers, from the DNS answers a capture contains, which name was asked for to reach each
/// address, so a server is known by the name the client used rather than by its address.
/// </summary>
internal sealed class HostNameRegistry
{
    private readonly Dictionary<IpAddress, string> _names = [];

    /// <summary>Records that a query for <paramref name="name"/> answered <paramref name="address"/>; the first name wins.</summary>
    public void Add(IpAddress address, string name) => _names.TryAdd(address, name);

    /// <summary>The name recorded for an address, or null.</summary>
    public string? Find(IpAddress address) => _names.GetValueOrDefault(address);
}
