namespace PcapDiff.CaptureGenerator;

/// <summary>A TCP service and how much it is used.</summary>
internal sealed record Service(Host Host, ushort Port, AppProtocol Protocol, double Weight);
