using System.Globalization;
using System.Text;
using PcapDiff.Core;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;

namespace PcapDiff.Capture.Tests;

/// <summary>Reads a capture through the managed readers or through libpcap and writes down everything the read produced.</summary>
internal static class ReadPaths
{
    /// <summary>Everything a read produced, one line per packet, then the result's fields; or the error.</summary>
    public static string Describe(string path, bool useLibpcap, out bool opened)
    {
        var sink = new DigestSink();
        opened = false;
        try
        {
            CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions { UseLibpcap = useLibpcap }, sink);
            opened = true;
            sink.Text.AppendLine(CultureInfo.InvariantCulture,
                $"{result.Format} {result.LinkType} frames={result.Frames} decoded={result.Decoded} notIp={result.NotIp} truncated={result.Truncated} malformed={result.Malformed} inFile={result.FramesInFile} first={result.FirstTimestamp:O} last={result.LastTimestamp:O}");
            foreach (var warning in result.Warnings)
            {
                sink.Text.AppendLine(warning.ToString());
            }
        }
        catch (PcapDiffException ex)
        {
            sink.Text.AppendLine("error: " + ex.Message);
        }

        return sink.Text.ToString();
    }

    public static string FirstDifference(string managed, string libpcap)
    {
        string[] left = managed.Split('\n');
        string[] right = libpcap.Split('\n');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            string l = i < left.Length ? left[i] : "(nothing)";
            string r = i < right.Length ? right[i] : "(nothing)";
            if (l != r)
            {
                return $"line {i + 1}: managed \"{l}\", libpcap \"{r}\"";
            }
        }

        return "same lines";
    }

    private sealed class DigestSink : IPacketSink
    {
        public StringBuilder Text { get; } = new();

        public void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload) =>
            Text.Append(packet.ToString()).Append(' ').AppendLine(Convert.ToHexString(payload));
    }
}
