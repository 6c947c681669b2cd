namespace PcapDiff.Core.Model;

/// <summary>
/// What an event says beyond its kind and direction, as typed fields: a payload preview, a decoded
/// DNS, TLS, HTTP or MQTT message, an ICMP error. The canonical text of an event is made from these
/// fields in one place (<see cref="Normalization.EventText"/>); nothing reads that text back.
/// </summary>
internal abstract record EventDetail;
