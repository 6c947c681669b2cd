using System.Buffers.Binary;
using System.Text;
using PcapDiff.Capture.Frames;
using PcapDiff.Core;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;

namespace PcapDiff.Capture.Tests;

public sealed class CaptureReaderTests : IDisposable
{
    private static readonly DateTime Start = new(2025, 11, 26, 5, 30, 0, DateTimeKind.Utc);
    private static readonly byte[] Query = Encoding.ASCII.GetBytes("collector.test?");

    private readonly string _directory = Directory.CreateTempSubdirectory("pcapdiff-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Should_NumberFramesFromOneAndHandOnIpPackets_When_ReadingPcap()
    {
        string path = Write("three.pcap", CaptureFileBuilder.Pcap(ThreeFrames()));
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal(new CaptureReadResult("pcap", LinkType.Ethernet, 3, 2, 1, 0, 0, result.Warnings), result with { FirstTimestamp = null, LastTimestamp = null, FramesInFile = 0 });
        Assert.Empty(result.Warnings);
        Assert.Equal(sink.Packets[0].Timestamp, result.FirstTimestamp);
        Assert.True(result.LastTimestamp > result.FirstTimestamp);
        Assert.Equal([1L, 3L], sink.FrameNumbers);

        PacketRecord syn = sink.Packets[0];
        Assert.Equal(Start.AddTicks(1_234_560), syn.Timestamp); // microseconds survive
        Assert.Equal(DateTimeKind.Utc, syn.Timestamp.Kind);
        Assert.Equal(54, syn.FrameLength);
        Assert.Equal(Transport.Tcp, syn.Protocol);
        Assert.Equal(new Endpoint(IpAddress.Parse(TestFrames.Client), 40000), syn.Source);
        Assert.Equal(new Endpoint(IpAddress.Parse(TestFrames.Server), 8514), syn.Destination);
        Assert.Equal(TcpFlags.Syn, syn.Flags);
        Assert.Equal(1000u, syn.Sequence);

        PacketRecord query = sink.Packets[1];
        Assert.Equal(Transport.Udp, query.Protocol);
        Assert.Equal(Query.Length, query.PayloadLength);
        Assert.Equal(Query, sink.Payloads[1]);
    }

    [Fact]
    public void Should_ReadNanosecondTimestamps_When_PcapIsNanosecond()
    {
        string path = Write("ns.pcap", CaptureFileBuilder.Pcap(ThreeFrames(), nanoseconds: true));
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal("pcap (ns)", result.Format);
        Assert.Equal(Start.AddTicks(1_234_567), sink.Packets[0].Timestamp);
    }

    [Fact]
    public void Should_ReadTheSameRecords_When_PcapIsBigEndian()
    {
        var little = new RecordingSink();
        var big = new RecordingSink();

        CaptureReader.Read(Write("le.pcap", CaptureFileBuilder.Pcap(ThreeFrames())), new CaptureReaderOptions(), little);
        CaptureReadResult result = CaptureReader.Read(
            Write("be.pcap", CaptureFileBuilder.Pcap(ThreeFrames(), bigEndian: true)), new CaptureReaderOptions(), big);

        Assert.Equal("pcap", result.Format);
        Assert.Equal(little.Packets, big.Packets);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_ReadTheSameRecordsAsPcap_When_CaptureIsPcapng(bool nanoseconds)
    {
        var pcap = new RecordingSink();
        var pcapng = new RecordingSink();

        CaptureReader.Read(Write("a.pcap", CaptureFileBuilder.Pcap(ThreeFrames(), nanoseconds: nanoseconds)), new CaptureReaderOptions(), pcap);
        CaptureReadResult result = CaptureReader.Read(
            Write("a.pcapng", CaptureFileBuilder.PcapNg(ThreeFrames(), nanoseconds: nanoseconds)), new CaptureReaderOptions(), pcapng);

        Assert.Equal(new CaptureReadResult("pcapng", LinkType.Ethernet, 3, 2, 1, 0, 0, result.Warnings), result with { FirstTimestamp = null, LastTimestamp = null, FramesInFile = 0 });
        Assert.Empty(result.Warnings);
        Assert.Equal(pcap.Packets, pcapng.Packets);
        Assert.Equal(pcap.Payloads, pcapng.Payloads);
    }

    [Theory]
    [InlineData("pcap")]
    [InlineData("pcapng")]
    public void Should_ReadTheSameRecordsAsUncompressed_When_CaptureIsGzipped(string format)
    {
        byte[] plain = format == "pcap" ? CaptureFileBuilder.Pcap(ThreeFrames()) : CaptureFileBuilder.PcapNg(ThreeFrames());
        string temporary = Directory.CreateDirectory(Path.Combine(_directory, "tmp")).FullName;
        var uncompressed = new RecordingSink();
        var compressed = new RecordingSink();

        CaptureReader.Read(Write("plain", plain), new CaptureReaderOptions(), uncompressed);
        CaptureReadResult result = CaptureReader.Read(
            Write("compressed.cap", CaptureFileBuilder.Gzip(plain)), new CaptureReaderOptions(), compressed, 1L << 30, temporary);

        Assert.Equal($"{format} (gzip)", result.Format);
        Assert.Empty(result.Warnings);
        Assert.Equal(uncompressed.Packets, compressed.Packets);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary)); // the decompressed copy is gone
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_ReadTheSameRecordsAsFromAFile_When_CaptureComesThroughAPipe(bool gzip)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes are made with Linux's mkfifo");
        byte[] plain = CaptureFileBuilder.Pcap(ThreeFrames());
        string fifo = Path.Combine(_directory, "pipe");
        Assert.Equal(0, NativeMethods.MakeFifo(fifo, 0x180)); // rw-------
        string temporary = Directory.CreateDirectory(Path.Combine(_directory, "tmp")).FullName;
        var fromFile = new RecordingSink();
        var fromPipe = new RecordingSink();
        CaptureReader.Read(Write("plain.pcap", plain), new CaptureReaderOptions(), fromFile);

        // Opening a pipe blocks until the other end opens, so the writer runs beside the reader.
        Task writer = Task.Run(() => File.WriteAllBytes(fifo, gzip ? CaptureFileBuilder.Gzip(plain) : plain), TestContext.Current.CancellationToken);
        CaptureReadResult result = CaptureReader.Read(fifo, new CaptureReaderOptions(), fromPipe, 1L << 30, temporary);
        await writer;

        Assert.Equal(gzip ? "pcap (gzip)" : "pcap", result.Format);
        Assert.Empty(result.Warnings);
        Assert.Equal(fromFile.Packets, fromPipe.Packets);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary));
    }

    [Fact]
    public void Should_ReadUpToTheLimitAndWarn_When_GzipDecompressesPastIt()
    {
        byte[] plain = CaptureFileBuilder.Pcap(ThreeFrames());
        string path = Write("big.pcap.gz", CaptureFileBuilder.Gzip(plain));
        var sink = new RecordingSink();

        // Room for the file header, the first record and half of the second.
        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink, 24 + 16 + 54 + 20, _directory);

        Assert.Equal([1L], sink.FrameNumbers);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Equal($"{path}: decompresses to more than 114 bytes; only the first 114 bytes were read", result.Warnings[0].ToString());
        Assert.StartsWith($"{path}: capture ends mid-packet after frame 1 (truncated dump file;", result.Warnings[1].ToString());
    }

    [Theory]
    [InlineData(7)] // inside the third record's header
    [InlineData(16 + 20)] // inside the third record's data
    public void Should_KeepWhatWasReadAndWarn_When_FileEndsMidRecord(int bytesOfThirdRecord)
    {
        byte[] whole = CaptureFileBuilder.Pcap(ThreeFrames());
        int thirdRecord = 24 + 16 + 54 + 16 + 42;
        string path = Write("cut.pcap", whole[..(thirdRecord + bytesOfThirdRecord)]);
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal(2, result.Frames);
        Assert.Equal([1L], sink.FrameNumbers);
        string warning = Assert.Single(result.Warnings).ToString();
        Assert.StartsWith($"{path}: capture ends mid-packet after frame 2 (truncated dump file; tried to read ", warning);
        Assert.EndsWith("); the rest was not read", warning);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void Should_KeepWhatWasReadAndWarn_When_ARecordHeaderIsBogus()
    {
        byte[] good = CaptureFileBuilder.Pcap(ThreeFrames()[..1]);
        byte[] bogus = new byte[16 + 64];
        BinaryPrimitives.WriteUInt32LittleEndian(bogus.AsSpan(8), 0x7FFF_0000); // captured length
        BinaryPrimitives.WriteUInt32LittleEndian(bogus.AsSpan(12), 60);
        string path = Write("bogus.pcap", [.. good, .. bogus]);
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal([1L], sink.FrameNumbers);
        string warning = Assert.Single(result.Warnings).ToString();
        Assert.StartsWith($"{path}: reading stopped after frame 1 (", warning);
        Assert.EndsWith("); the rest was not read", warning);
    }

    [Fact]
    public void Should_HandOnTheTlsKeyLogBeforeThePackets_When_APcapngCarriesDecryptionSecrets()
    {
        const string keyLog = "CLIENT_RANDOM 00112233 44556677\n";
        byte[] wireGuard = [1, 2, 3, 4, 5];
        string path = Write("keys.pcapng", CaptureFileBuilder.PcapNg(
            ThreeFrames(),
            secrets: [(0x57474B4C, wireGuard), (0x544C534B, System.Text.Encoding.UTF8.GetBytes(keyLog))]));
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal([(0, keyLog)], sink.KeyLogs);
        Assert.Equal(3, result.Frames);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Should_KeepWhatWasReadAndWarn_When_PcapngEndsMidBlock()
    {
        byte[] whole = CaptureFileBuilder.PcapNg(ThreeFrames());
        string path = Write("cut.pcapng", whole[..^10]);
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal([1L], sink.FrameNumbers);
        Assert.StartsWith($"{path}: capture ends mid-packet after frame 2 (truncated", Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void Should_ReadNothingWithoutWarning_When_PcapHasNoRecords()
    {
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(Write("none.pcap", CaptureFileBuilder.Pcap([])), new CaptureReaderOptions(), sink);

        Assert.Equal(new CaptureReadResult("pcap", LinkType.Ethernet, 0, 0, 0, 0, 0, result.Warnings), result with { FirstTimestamp = null, LastTimestamp = null, FramesInFile = 0 });
        Assert.Empty(result.Warnings);
        Assert.Empty(sink.Packets);
    }

    [Fact]
    public void Should_CountAndSummariseSkippedFrames_When_HeadersAreCutOrBroken()
    {
        byte[] syn = TestFrames.TcpSyn();
        byte[] badHeaderLength = (byte[])syn.Clone();
        badHeaderLength[14] = 0x44; // IHL 4
        TestFrame[] frames =
        [
            new(syn, Start),
            new(syn[..40], Start, syn.Length), // snaplen cut inside the TCP header
            new(badHeaderLength, Start),
            new(syn[..20], Start, syn.Length), // cut inside the IP header
            new(TestFrames.Arp(), Start),
        ];
        string path = Write("skipped.pcap", CaptureFileBuilder.Pcap(frames));

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), new RecordingSink());

        Assert.Equal(new CaptureReadResult("pcap", LinkType.Ethernet, 5, 1, 1, 2, 1, result.Warnings), result with { FirstTimestamp = null, LastTimestamp = null, FramesInFile = 0 });
        Assert.Equal([$"{path}: 3 frames skipped (2 truncated, 1 malformed): first at frame 2"], result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Should_KeepOriginalFrameNumbers_When_FilterSkipsFrames()
    {
        string path = Write("filtered.pcap", CaptureFileBuilder.Pcap(ThreeFrames()));
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions("udp port 53"), sink);

        Assert.Equal([3L], sink.FrameNumbers);
        Assert.Equal(new CaptureReadResult("pcap", LinkType.Ethernet, 1, 1, 0, 0, 0, result.Warnings) { Filter = "udp port 53", FramesInFile = 3 }, result with { FirstTimestamp = null, LastTimestamp = null });
    }

    [Fact]
    public void Should_KeepOriginalFrameNumbers_When_FilteringPcapng()
    {
        string path = Write("filtered.pcapng", CaptureFileBuilder.PcapNg(ThreeFrames()));
        var sink = new RecordingSink();

        CaptureReader.Read(path, new CaptureReaderOptions("arp or tcp"), sink);

        Assert.Equal([1L], sink.FrameNumbers);
    }

    [Fact]
    public void Should_MatchTheWireLength_When_FilterTestsLength()
    {
        // "greater" looks at the length on the wire, which a snaplen-cut frame still has.
        byte[] syn = TestFrames.TcpSyn();
        string path = Write("len.pcap", CaptureFileBuilder.Pcap([new TestFrame(syn[..40], Start, 1000)]));
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions("greater 500"), sink);

        Assert.Equal(1, result.Frames);
    }

    [Fact]
    public void Should_ThrowNamingTheFilter_When_FilterDoesNotCompile()
    {
        string path = Write("a.pcap", CaptureFileBuilder.Pcap(ThreeFrames()));

        var error = Assert.Throws<PcapDiffException>(() => CaptureReader.Read(path, new CaptureReaderOptions("tcp port"), new RecordingSink()));

        Assert.StartsWith($"invalid filter \"tcp port\" for {path}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Should_Throw_When_FileIsMissing()
    {
        string path = Path.Combine(_directory, "missing.pcap");

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        Assert.Equal($"no such file: {path}", error.Message);
    }

    [Fact]
    public void Should_Throw_When_PathIsADirectory()
    {
        var error = Assert.Throws<PcapDiffException>(() => Read(_directory));

        Assert.Equal($"{_directory} is a directory, not a capture file", error.Message);
    }

    [Fact]
    public void Should_SayHowToInstallLibpcap_When_SharpPcapCannotLoadIt()
    {
        // SharpPcap's version for a libpcap it cannot load.
        string? problem = LibpcapErrors.Problem(new Version());

        Assert.Equal("libpcap cannot be loaded: install it (Debian and Ubuntu: apt-get install libpcap0.8)", problem);
    }

    [Fact]
    public void Should_NameTheNeededVersion_When_LibpcapIsTooOld()
    {
        Assert.Equal(
            "libpcap 1.4.0 is too old: pcapdiff needs libpcap 1.5.1 or later",
            LibpcapErrors.Problem(new Version(1, 4, 0)));
    }

    [Fact]
    public void Should_FindNoProblem_When_LibpcapIsThisMachines()
    {
        Assert.True(SharpPcap.Pcap.LibpcapVersion >= new Version(1, 5, 1), SharpPcap.Pcap.Version);
        Assert.Null(LibpcapErrors.Problem(SharpPcap.Pcap.LibpcapVersion));
    }

    [Fact]
    public void Should_Throw_When_FileIsEmpty()
    {
        string path = Write("empty.pcap", []);

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        Assert.Equal($"{path} is empty", error.Message);
    }

    [Theory]
    [InlineData("hello, this is a text file\n")]
    [InlineData("ab")]
    public void Should_Throw_When_FileIsNotACapture(string text)
    {
        string path = Write("notes.pcap", Encoding.ASCII.GetBytes(text));

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        Assert.Equal($"{path} is not a pcap or pcapng capture", error.Message);
    }

    [Fact]
    public void Should_Throw_When_GzipDoesNotHoldACapture()
    {
        string path = Write("notes.gz", CaptureFileBuilder.Gzip(Encoding.ASCII.GetBytes("just text")));

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        Assert.Equal($"{path} is compressed with gzip but does not hold a pcap or pcapng capture", error.Message);
    }

    [Fact]
    public void Should_Throw_When_GzipDataCannotBeDecompressed()
    {
        string path = Write("broken.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        Assert.StartsWith($"{path} starts like a gzip file but cannot be decompressed: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Should_ThrowWithLibpcapsMessage_When_FileHeaderIsCut()
    {
        string path = Write("header.pcap", CaptureFileBuilder.Pcap([])[..10]);

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        // libpcap's own words, e.g. "truncated dump file; tried to read 24 file header bytes, only got 6".
        Assert.StartsWith($"cannot read {path}: truncated dump file; tried to read ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Should_ThrowNamingTheLinkType_When_LinkTypeIsNotDecoded()
    {
        string path = Write("fddi.pcap", CaptureFileBuilder.Pcap(ThreeFrames(), linkType: 10));

        var error = Assert.Throws<PcapDiffException>(() => Read(path));

        Assert.Equal($"{path} has link type 10 (FDDI), which pcapdiff does not decode", error.Message);
    }

    [Theory]
    [InlineData(101, LinkType.Raw)] // LINKTYPE_RAW, which libpcap reports as DLT_RAW
    [InlineData(228, LinkType.IPv4)]
    public void Should_DecodeRawIp_When_LinkTypeIsRaw(int fileLinkType, LinkType expected)
    {
        byte[] ip = TestFrames.RawIp(TestFrames.TcpSyn());
        string path = Write("raw.pcap", CaptureFileBuilder.Pcap([new TestFrame(ip, Start)], linkType: fileLinkType));
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), sink);

        Assert.Equal(expected, result.LinkType);
        Assert.Equal(1, result.Decoded);
        Assert.Equal(8514, sink.Packets[0].Destination.Port);
        Assert.Equal(40, sink.Packets[0].FrameLength);
    }

    [Fact]
    public void Should_ThrowOnlyPcapDiffException_When_RecordsAreGarbage()
    {
        var random = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            byte[] header = CaptureFileBuilder.Pcap([], linkType: i % 2 == 0 ? 1 : 113);
            byte[] file = new byte[header.Length + random.Next(200)];
            header.CopyTo(file, 0);
            random.NextBytes(file.AsSpan(header.Length));
            string path = Write($"garbage-{i}.pcap", file);

            try
            {
                CaptureReadResult result = CaptureReader.Read(path, new CaptureReaderOptions(), new RecordingSink());
                Assert.All(result.Warnings, w => Assert.DoesNotContain('\n', w.ToString()));
            }
            catch (PcapDiffException error)
            {
                Assert.DoesNotContain('\n', error.Message);
            }
        }
    }

    public static TheoryData<string> TestdataCaptures() =>
        [.. Directory.EnumerateFiles(TestdataPath(string.Empty), "*.pcap*").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [InlineData("good-nc-3.pcap", "pcap", LinkType.Ethernet)]
    [InlineData("good-nc-3.pcapng", "pcapng", LinkType.Ethernet)]
    [InlineData("good-nc-3-any.pcap", "pcap", LinkType.LinuxSll2)]
    [InlineData("good-nc-3-sll.pcap", "pcap", LinkType.LinuxSll)]
    public void Should_ReadTheGoodExchange_When_CapturedFourWays(string name, string format, LinkType linkType)
    {
        // The four files hold one run captured at once (testdata/README.md): same ports, same sequence numbers.
        var reference = new RecordingSink();
        var sink = new RecordingSink();
        CaptureReader.Read(TestdataPath("good-nc-3.pcap"), new CaptureReaderOptions(), reference);

        CaptureReadResult result = CaptureReader.Read(TestdataPath(name), new CaptureReaderOptions(), sink);

        Assert.Equal(format, result.Format);
        Assert.Equal(linkType, result.LinkType);
        Assert.Empty(result.Warnings);
        Assert.Equal(Behaviour(reference), Behaviour(sink));
        Assert.Equal(
            "c:S s:SA c:A c:PA5 s:A s:PA4 c:A s:FA c:FA s:A",
            string.Join(' ', sink.Packets.Where(p => p.Protocol == Transport.Tcp).Select(TcpToken)));
        Assert.Equal(Encoding.ASCII.GetBytes("hoge\n"), sink.Payloads[sink.Packets.FindIndex(p => p.Protocol == Transport.Tcp && p.PayloadLength == 5)]);
    }

    [Theory]
    [MemberData(nameof(TestdataCaptures))]
    public void Should_ReadEveryPacket_When_CaptureIsFromTestdata(string name)
    {
        var sink = new RecordingSink();

        CaptureReadResult result = CaptureReader.Read(TestdataPath(name), new CaptureReaderOptions(), sink);

        Assert.Empty(result.Warnings);
        Assert.True(result.Decoded > 0);
        Assert.Equal(result.Frames, result.Decoded + result.NotIp);
        Assert.Equal(Enumerable.Range(1, (int)result.Frames).Select(i => (long)i), sink.FrameNumbers);
    }

    private static string TestdataPath(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "captures", name);

    private static List<string> Behaviour(RecordingSink sink) =>
        [.. sink.Packets.Select(p =>
            $"{p.Protocol} {p.Source.Port}>{p.Destination.Port} {p.Flags} seq={p.Sequence} ack={p.Acknowledgment} len={p.PayloadLength}")];

    private static string TcpToken(PacketRecord packet)
    {
        string flags = (packet.Flags.HasFlag(TcpFlags.Syn) ? "S" : string.Empty)
            + (packet.Flags.HasFlag(TcpFlags.Fin) ? "F" : string.Empty)
            + (packet.Flags.HasFlag(TcpFlags.Rst) ? "R" : string.Empty)
            + (packet.Flags.HasFlag(TcpFlags.Psh) ? "P" : string.Empty)
            + (packet.Flags.HasFlag(TcpFlags.Ack) ? "A" : string.Empty);
        string side = packet.Destination.Port == 8514 ? "c" : "s";
        return packet.PayloadLength > 0 ? $"{side}:{flags}{packet.PayloadLength}" : $"{side}:{flags}";
    }

    private static TestFrame[] ThreeFrames() =>
    [
        new(TestFrames.TcpSyn(), Start.AddTicks(1_234_567)),
        new(TestFrames.Arp(), Start.AddSeconds(1)),
        new(TestFrames.UdpDatagram(Query), Start.AddSeconds(2)),
    ];

    private static CaptureReadResult Read(string path) => CaptureReader.Read(path, new CaptureReaderOptions(), new RecordingSink());

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
