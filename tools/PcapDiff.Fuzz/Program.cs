using System.Buffers.Binary;
using System.Text;
using PcapDiff.Core;
using PcapDiff.Core.Runs;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Rendering.Html;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using SharpFuzz;
using PcapDiff.Rendering.View;

namespace PcapDiff.Fuzz;

/// <summary>
/// The fuzzing harness behind tools/fuzz. One input is either a list of frames for the packet
/// decoder (then flow assembly, normalization, the .flows writer and parser, the comparer and every
/// renderer), or .flows text for the parser. Any exception other than <see cref="PcapDiffException"/>
/// is a crash, and so is a control character in the plain-text report.
/// </summary>
/// <remarks>
/// Input layout: byte 0 is the mode (odd: .flows text follows; even: frames follow). For frames,
/// byte 1 picks the link type (index into <see cref="LinkTypes"/>), then each frame is a big-endian
/// 16-bit length and that many bytes; a short last frame takes what is left.
/// </remarks>
internal static class Program
{
    private static readonly LinkType[] LinkTypes = Enum.GetValues<LinkType>();

    // Small caps so that the flow and event limits are exercised too.
    private static readonly NormalizationOptions Options = new(MaxEventsPerFlow: 64, MaxFlows: 16);

    private static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "seeds")
        {
            return Seeds.Write(args[1], args.Skip(2));
        }

        if (args.Length >= 1 && args[0] == "run")
        {
            // Replays inputs (crashes, the queue) outside the fuzzer; the first failure propagates.
            foreach (string file in args.Skip(1))
            {
                Console.WriteLine(file);
                Target(File.ReadAllBytes(file));
            }

            return 0;
        }

        if (args.Length >= 1 && args[0] == "libfuzzer")
        {
            Fuzzer.LibFuzzer.Run(span => Target(span));
            return 0;
        }

        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
        return 0;
    }

    /// <summary>One fuzzing iteration.</summary>
    public static void Target(ReadOnlySpan<byte> input)
    {
        if (input.Length < 2)
        {
            return;
        }

        try
        {
            CaptureFlows flows;
            if ((input[0] & 1) == 1)
            {
                flows = FlowsParser.Parse(Encoding.UTF8.GetString(input[1..]), "fuzz.flows");
            }
            else
            {
                flows = Assemble(LinkTypes[input[1] % LinkTypes.Length], input[2..]);
            }

            Exercise(flows);
        }
        catch (PcapDiffException)
        {
            // The documented, one-line error for bad input.
        }
    }

    private static CaptureFlows Assemble(LinkType linkType, ReadOnlySpan<byte> frames)
    {
        var assembler = new FlowAssembler(Options);
        long number = 0;
        var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        while (frames.Length >= 2)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(frames);
            frames = frames[2..];
            var frame = frames[..Math.Min(length, frames.Length)];
            frames = frames[frame.Length..];
            number++;
            // The wire length: the captured length, or (odd frame numbers) a little more, as when a snaplen cut it.
            int wire = frame.Length + (int)(number % 2 * (length % 7));
            var outcome = PacketDecoder.Decode(linkType, frame, wire, number, time.AddMilliseconds(number), out PacketRecord record, out ReadOnlySpan<byte> payload);
            if (payload.Length > record.PayloadLength && outcome == DecodeOutcome.Decoded)
            {
                throw new InvalidOperationException($"payload {payload.Length} longer than the payload length {record.PayloadLength}");
            }

            if (outcome == DecodeOutcome.Decoded)
            {
                assembler.OnPacket(record, payload);
            }
        }

        return assembler.Finish();
    }

    private static void Exercise(CaptureFlows flows)
    {
        string text = FlowsWriter.ToText(flows);
        var reread = FlowsParser.Parse(text, "written.flows");
        var report = CaptureComparer.Compare(
            Run.FromExpectation("fuzz", flows) with { Label = "good" },
            Run.FromExpectation("reread", reread) with { Label = "bad" });

        using var plain = new StringWriter();
        var view = ReportView.Of(report, new ReportOptions(Context: 2, ShowEqualFlows: true));
        new TextRenderer(new TerminalOptions(Width: 100)).Render(view, plain);
        foreach (char c in plain.ToString())
        {
            if ((c < ' ' && c != '\n' && c != '\r') || c == '\u007f' || (c >= '\u0080' && c < '\u00a0'))
            {
                throw new InvalidOperationException($"control character U+{(int)c:X4} in the text report");
            }
        }

        using var html = new StringWriter();
        new HtmlRenderer().Render(view, html);
        using var json = new StringWriter();
        new ReportJson().Render(view, json);
    }
}
