using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Runs;
using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// Reads every corpus capture that has a reference and pairs pcapdiff's TCP and UDP flows with
/// Wireshark's streams: first by protocol, endpoint pair and first frame, then what is left of the
/// same protocol and endpoint pair in order of first frame (the two may start a stream at different
/// frames, as with an IP fragment Wireshark reassembles).
/// </summary>
internal static class AgreementCheck
{
    /// <summary>Runs the comparison over the corpus at <paramref name="corpus"/>.</summary>
    public static AgreementResult Run(string corpus)
    {
        string referenceRoot = Path.Combine(corpus, "reference");
        var references = Directory.EnumerateFiles(referenceRoot, "*.tsv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = new AgreementResult { ReferenceFiles = references.Count };
        foreach (string referencePath in references)
        {
            string relative = Path.GetRelativePath(referenceRoot, referencePath)[..^".tsv".Length];
            var reference = ReferenceFile.Read(referencePath);
            if (reference.UnreadableReason is { } why)
            {
                AgreementResult.Count(result.UnreadableByWireshark, why);
                continue;
            }

            Run loaded;
            try
            {
                loaded = RunLoader.Load(Path.Combine(corpus, relative));
            }
            catch (PcapDiffException e)
            {
                AgreementResult.Count(result.UnreadableByPcapdiff, Reason(e.Message, relative));
                result.StreamsInUnreadable += reference.Streams.Count;
                continue;
            }

            result.Compared++;
            var streams = loaded.Flows.Flows.Select(PcapdiffStream.Of).OfType<PcapdiffStream>().ToList();
            var comparisons = Pair(relative, reference.Streams, streams);
            if (comparisons.Any(c => c.DisagreesOnPacketsOrBytes))
            {
                var evidence = CaptureEvidence.Read(Path.Combine(corpus, relative), relative);
                evidence.Streams = comparisons;
                comparisons = comparisons.ConvertAll(c => c.DisagreesOnPacketsOrBytes
                    ? c with { Explained = KnownDifference.All.FirstOrDefault(k => k.Applies(c, evidence)) }
                    : c);
            }

            result.Streams.AddRange(comparisons);
        }

        return result;
    }

    private static List<StreamComparison> Pair(string file, IReadOnlyList<ReferenceStream> references, List<PcapdiffStream> streams)
    {
        var comparisons = new List<StreamComparison>(references.Count);
        var unpaired = new List<PcapdiffStream>(streams);
        var unmatched = new List<ReferenceStream>();
        foreach (var reference in references)
        {
            int i = unpaired.FindIndex(s => s.FirstFrame == reference.FirstFrame && s.SameEndpoints(reference));
            if (i < 0)
            {
                unmatched.Add(reference);
                continue;
            }

            comparisons.Add(new StreamComparison(file, reference, unpaired[i].OrientedAs(reference)));
            unpaired.RemoveAt(i);
        }

        foreach (var reference in unmatched.OrderBy(r => r.FirstFrame))
        {
            int i = unpaired.FindIndex(s => s.SameEndpoints(reference));
            if (i < 0)
            {
                comparisons.Add(new StreamComparison(file, reference, null));
                continue;
            }

            comparisons.Add(new StreamComparison(file, reference, unpaired[i].OrientedAs(reference)));
            unpaired.RemoveAt(i);
        }

        comparisons.AddRange(unpaired.Select(s => new StreamComparison(file, null, s)));
        return comparisons;
    }

    private static string Reason(string message, string file)
    {
        // The message names the file; the reason is what is left.
        string name = Path.GetFileName(file);
        int at = message.IndexOf(name, StringComparison.Ordinal);
        return at < 0 ? message : message[(at + name.Length)..].TrimStart(':', ' ');
    }
}
