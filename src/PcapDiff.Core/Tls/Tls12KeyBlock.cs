namespace PcapDiff.Core.Tls;

/// <summary>
/// The record keys of a TLS 1.2 AEAD connection, cut from its key_block (RFC 5246 §6.3, which has
/// no MAC keys for AEAD suites). <see cref="ToString"/> shows no key.
/// </summary>
/// <param name="Client">client_write_key and client_write_IV: what protects the client's records.</param>
/// <param name="Server">server_write_key and server_write_IV: what protects the server's records.</param>
internal sealed record Tls12KeyBlock(TlsTrafficKeys Client, TlsTrafficKeys Server)
{
    /// <summary>The lengths only.</summary>
    public override string ToString() => $"Tls12KeyBlock {{ Client = {Client}, Server = {Server} }}";
}
