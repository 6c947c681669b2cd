namespace PcapDiff.Core.Model;

/// <summary>One TLS record as its header gives it: what a record says even when its content is encrypted.</summary>
/// <param name="ContentType">20 ChangeCipherSpec, 21 alert, 22 handshake, 23 application data (and, in TLS 1.3, everything encrypted).</param>
/// <param name="Length">The length of the record's content (the header's 5 bytes not counted).</param>
internal readonly record struct TlsRecord(byte ContentType, int Length)
{
    /// <summary>The content type that TLS 1.3 gives every encrypted record.</summary>
    public const byte ApplicationData = 23;

    /// <summary>
    /// The longest encrypted record that can hold no more than an alert: 2 bytes of alert, the inner
    /// content type, an AEAD tag of 16 bytes, and room for a few bytes of padding. A Finished, the
    /// shortest handshake message under encryption, is at least 41 bytes long.
    /// </summary>
    public const int MaxAlertLength = 32;

    /// <summary>True for an encrypted record too short for anything but an alert (or a KeyUpdate).</summary>
    public bool IsShortEncrypted => ContentType == ApplicationData && Length <= MaxAlertLength;
}
