namespace PcapDiff.Core.Model;

/// <summary>The first bytes of TCP data or of UDP datagrams.</summary>
/// <param name="Preview">
/// The first payload bytes that were captured, without a gap, at most
/// <see cref="Normalization.PayloadPreview.MaxBytes"/>; fewer when a snaplen cut them.
/// </param>
/// <param name="Hidden">True when the bytes differ run to run for the same behaviour (TLS records): only the size is compared.</param>
internal sealed record PayloadDetail(byte[] Preview, bool Hidden) : EventDetail;
