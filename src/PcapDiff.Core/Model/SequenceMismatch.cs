namespace PcapDiff.Core.Model;

/// <summary>
/// A TCP number that is not what the peer expects: a handshake ACK or SYN-ACK that does not acknowledge
/// one past the sequence number it answers, or data that does not start right after the SYN.
/// Numbers are relative to the sender's (Acknowledgment: the peer's) initial sequence number.
/// </summary>
/// <param name="Field">Which number is wrong.</param>
/// <param name="Value">The relative number the packet carries.</param>
/// <param name="Expected">The relative number the peer expects.</param>
internal sealed record SequenceMismatch(TcpNumber Field, long Value, long Expected);
