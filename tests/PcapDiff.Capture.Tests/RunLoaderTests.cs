using PcapDiff.Core.Runs;

namespace PcapDiff.Capture.Tests;

/// <summary>What a loaded run says about itself: where its flows came from and what was not read, as typed fields.</summary>
public sealed class RunLoaderTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Directory.CreateTempSubdirectory("pcapdiff-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Should_say_it_came_from_a_capture_and_carry_the_read_When_the_file_is_a_capture()
    {
        string path = Write("good.pcap", CaptureFileBuilder.Pcap([new TestFrame(TestFrames.TcpSyn(), Start)]));

        var run = RunLoader.Load(path);

        Assert.Equal(RunSource.Capture, run.Source);
        Assert.Equal("good.pcap", run.Name);
        Assert.Equal(1, run.Read?.Frames);
        Assert.Single(run.Flows.Flows);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void Should_say_it_came_from_an_expectation_and_warn_of_the_unused_filter_When_the_file_is_a_flows_file()
    {
        string path = Write("expected.flows", "pcapdiff flows 1\nflow TCP collector.test:8514\n  C→S SYN\n"u8.ToArray());

        var run = RunLoader.Load(path, new CaptureReaderOptions("tcp"));

        Assert.Equal(RunSource.Expectation, run.Source);
        Assert.Null(run.Read);
        Assert.Single(run.Flows.Flows);
        var warning = Assert.Single(run.Warnings);
        Assert.Equal(RunWarningKind.FilterNotApplicable, warning.Kind);
        Assert.Equal(path, warning.Input);
        Assert.Null(warning.Frame);
    }

    [Fact]
    public void Should_name_the_kind_and_the_frame_When_frames_are_skipped_and_the_file_is_cut_short()
    {
        byte[] whole = CaptureFileBuilder.Pcap(
        [
            new TestFrame(TestFrames.TcpSyn(), Start),
            new TestFrame(TestFrames.TcpSyn()[..20], Start.AddSeconds(1)),
            new TestFrame(TestFrames.TcpSyn(40001), Start.AddSeconds(2)),
        ]);
        string path = Write("cut.pcap", whole[..^10]);

        var run = RunLoader.Load(path);

        Assert.Equal(
            [(RunWarningKind.ReadStopped, 2L), (RunWarningKind.FramesSkipped, 2L)],
            run.Warnings.Select(w => (w.Kind, w.Frame ?? 0)));
        Assert.All(run.Warnings, w => Assert.StartsWith($"{path}: ", w.ToString(), StringComparison.Ordinal));
    }

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
