namespace PcapDiff.CaptureGenerator;

/// <summary>How a TCP connection ends.</summary>
internal enum CloseKind
{
    ClientFin,
    ServerFin,
    ClientRst,
    ServerRst,
}
