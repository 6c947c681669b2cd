namespace PcapDiff.Core.Tests.Tls;

/// <summary>One protected TLS record of a capture and what Wireshark decrypted it to.</summary>
/// <param name="Frame">The capture's frame that carries the record's first byte.</param>
/// <param name="Record">The whole record: the 5-byte header, then the body.</param>
/// <param name="Plaintext">The content tshark shows as "Decrypted TLS" (for TLS 1.3 without the inner type and padding).</param>
/// <param name="ContentType">The real record type: the TLS 1.3 inner type, or the TLS 1.2 record's own.</param>
internal sealed record CapturedRecord(int Frame, byte[] Record, byte[] Plaintext, byte ContentType)
{
    /// <summary>The record header's type.</summary>
    public byte Type => Record[0];

    /// <summary>The record header's (legacy) version.</summary>
    public ushort Version => (ushort)((Record[1] << 8) | Record[2]);

    /// <summary>The bytes after the header.</summary>
    public byte[] Body => Record[5..];
}
