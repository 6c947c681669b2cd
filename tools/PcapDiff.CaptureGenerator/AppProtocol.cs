namespace PcapDiff.CaptureGenerator;

/// <summary>What a TCP service speaks; decides message contents and sizes.</summary>
internal enum AppProtocol
{
    Http,
    Tls,
    Smtp,
    Collector,
}
