namespace PcapDiff.Core.Model;

/// <summary>
/// The detail of an event read from a <c>.flows</c> file that pcapdiff keeps as written: a pattern
/// (<c>*B</c>, <c>"ho"…</c>) or a protocol message it does not take apart.
/// </summary>
/// <param name="Text">What follows the event's keyword on its line.</param>
/// <param name="IsPattern">True when the text uses the slack of the <c>.flows</c> format and may match other events.</param>
internal sealed record ParsedDetail(string Text, bool IsPattern) : EventDetail;
