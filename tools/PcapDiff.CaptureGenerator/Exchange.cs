namespace PcapDiff.CaptureGenerator;

/// <summary>
/// One request and its response. <paramref name="ClientThink"/> is the client's pause before the
/// request; <paramref name="ServerThink"/> the server's before the response. Either message may be absent.
/// </summary>
internal sealed record Exchange(Message? Request, Message? Response, long ClientThink, long ServerThink);
