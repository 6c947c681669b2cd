using System.Buffers.Binary;
using static PcapDiff.Capture.Frames.FileEndian;

namespace PcapDiff.Capture.Frames;

/// <summary>
/// Reads pcapng as libpcap does (<c>sf-pcapng.c</c>), without libpcap: enhanced, simple and obsolete
/// packet blocks, per-interface time resolution and offset, several sections; and stops where and
/// with the words libpcap stops (an interface of another link type or snapshot length than the
/// first, a damaged block). Files libpcap would not open are left to libpcap, for its message.
/// </summary>
internal sealed class PcapNgFileSource : FrameSource
{
    private const uint SectionHeaderBlock = 0x0A0D0D0A;
    private const uint InterfaceBlock = 1;
    private const uint ObsoletePacketBlock = 2;
    private const uint SimplePacketBlock = 3;
    private const uint EnhancedPacketBlock = 6;
    private const uint DecryptionSecretsBlock = 10;
    private const uint TlsKeyLogSecrets = 0x544C534B; // "TLSK": the NSS key log format
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const uint SectionHeaderMaximum = 1024 * 1024;
    private const uint BlockMaximum = 16 * 1024 * 1024;

    private readonly FileBuffer _file;
    private readonly bool _swapped;
    private readonly int _firstLinkType;
    private readonly uint _snapshot;
    private readonly List<PcapNgInterface> _interfaces = [];

    private PcapNgFileSource(FileBuffer file, bool swapped, int firstLinkType, uint snapshot)
    {
        _file = file;
        _swapped = swapped;
        _firstLinkType = firstLinkType;
        _snapshot = snapshot;
        DataLink = LinkTypeMapping.ToDataLink(firstLinkType);
    }

    public override int DataLink { get; }

    public override long BytesConsumed => _file.Position;

    /// <summary>
    /// Opens the file when libpcap would open it and this reader reads it as libpcap does: a sound
    /// section header, then an interface description before any packet. Else null, and nothing is
    /// to be trusted about the buffer's position.
    /// </summary>
    public static PcapNgFileSource? TryOpen(FileBuffer file)
    {
        ReadOnlySpan<byte> start = file.Peek(12);
        if (start.Length < 12 || BinaryPrimitives.ReadUInt32LittleEndian(start) != SectionHeaderBlock)
        {
            return null;
        }

        bool swapped = BinaryPrimitives.ReadUInt32LittleEndian(start[8..]) != ByteOrderMagic;
        if (swapped && BinaryPrimitives.ReadUInt32BigEndian(start[8..]) != ByteOrderMagic)
        {
            return null;
        }

        uint sectionLength = Read32(start[4..], swapped);
        if (sectionLength is < 28 or > SectionHeaderMaximum || sectionLength % 4 != 0)
        {
            return null;
        }

        ReadOnlySpan<byte> section = file.Peek((int)sectionLength);
        if (section.Length < sectionLength || Read32(section[(int)(sectionLength - 4)..], swapped) != sectionLength)
        {
            return null;
        }

        ushort major = Read16(section[12..], swapped);
        ushort minor = Read16(section[14..], swapped);
        if (major != 1 || minor is not (0 or 2))
        {
            return null;
        }

        file.Skip(sectionLength);
        var probe = new PcapNgFileSource(file, swapped, firstLinkType: -1, snapshot: 0);
        while (true)
        {
            if (probe.ReadBlock(out uint type, out ReadOnlySpan<byte> body) != FrameStatus.Frame)
            {
                return null;
            }

            if (type is ObsoletePacketBlock or SimplePacketBlock or EnhancedPacketBlock)
            {
                return null;
            }

            if (type != InterfaceBlock)
            {
                continue;
            }

            if (body.Length < 8)
            {
                return null;
            }

            int linkType = Read16(body, swapped);
            if (swapped && LinkTypeMapping.HasSwappedPseudoHeader(LinkTypeMapping.ToDataLink(linkType)))
            {
                return null;
            }

            uint snapshot = LinkTypeMapping.AdjustSnapshot(Read32(body[4..], swapped));
            var source = new PcapNgFileSource(file, swapped, linkType, snapshot);
            if (PcapNgInterface.Parse(body[8..], swapped, out PcapNgInterface first) is not null)
            {
                return null;
            }

            source._interfaces.Add(first);
            return source;
        }
    }

    public override FrameStatus Next(out FrameHeader header, out ReadOnlySpan<byte> data)
    {
        header = default;
        data = default;
        while (true)
        {
            FrameStatus status = ReadBlock(out uint type, out ReadOnlySpan<byte> body);
            if (status != FrameStatus.Frame)
            {
                return status;
            }

            uint interfaceId;
            uint captured;
            uint wire;
            ulong time;
            ReadOnlySpan<byte> packet;
            switch (type)
            {
                case EnhancedPacketBlock:
                    if (body.Length < 20)
                    {
                        return TooShort(type);
                    }

                    interfaceId = Read32(body, _swapped);
                    time = ((ulong)Read32(body[4..], _swapped) << 32) | Read32(body[8..], _swapped);
                    captured = Read32(body[12..], _swapped);
                    wire = Read32(body[16..], _swapped);
                    packet = body[20..];
                    break;
                case SimplePacketBlock:
                    if (body.Length < 4)
                    {
                        return TooShort(type);
                    }

                    interfaceId = 0;
                    wire = Read32(body, _swapped);
                    captured = Math.Min(wire, _snapshot);
                    time = 0;
                    packet = body[4..];
                    break;
                case ObsoletePacketBlock:
                    if (body.Length < 20)
                    {
                        return TooShort(type);
                    }

                    interfaceId = Read16(body, _swapped);
                    time = ((ulong)Read32(body[4..], _swapped) << 32) | Read32(body[8..], _swapped);
                    captured = Read32(body[12..], _swapped);
                    wire = Read32(body[16..], _swapped);
                    packet = body[20..];
                    break;
                case InterfaceBlock:
                    if (AddInterface(type, body) is { } problem)
                    {
                        return Fail(problem);
                    }

                    continue;
                case DecryptionSecretsBlock:
                    AddSecrets(body);
                    continue;
                case SectionHeaderBlock:
                    if (NewSection(type, body) is { } sectionProblem)
                    {
                        return Fail(sectionProblem);
                    }

                    continue;
                default:
                    continue;
            }

            if (interfaceId >= _interfaces.Count)
            {
                return Fail($"a packet arrived on interface {interfaceId}, but there's no Interface Description Block for that interface");
            }

            if (captured > _snapshot)
            {
                return Fail($"invalid packet capture length {captured}, bigger than snaplen of {_snapshot}");
            }

            if (packet.Length < captured)
            {
                return TooShort(type);
            }

            PcapNgInterface face = _interfaces[(int)interfaceId];
            header = new FrameHeader(face.Seconds(time), face.Nanoseconds(time), captured, wire);
            data = packet[..(int)captured];
            return FrameStatus.Frame;
        }
    }

    public override void Dispose()
    {
        _file.Dispose();
    }

    /// <summary>Reads one whole block (libpcap's <c>read_block</c>): its type and the bytes between the header and the trailer.</summary>
    private FrameStatus ReadBlock(out uint type, out ReadOnlySpan<byte> body)
    {
        type = 0;
        body = default;
        ReadOnlySpan<byte> head = _file.Peek(8);
        if (head.Length < 8)
        {
            return head.Length == 0
                ? FrameStatus.EndOfFile
                : Fail($"truncated pcapng dump file; tried to read 8 bytes, only got {head.Length}");
        }

        type = Read32(head, _swapped);
        uint length = Read32(head[4..], _swapped);
        if (length < 12)
        {
            return Fail($"block in pcapng dump file has a length of {length} < 12");
        }

        if (length % 4 != 0)
        {
            return Fail($"block in pcapng dump file has a length of {length} that is not a multiple of 4");
        }

        if (length > BlockMaximum)
        {
            return Fail($"pcapng block size {length} > maximum {BlockMaximum}");
        }

        ReadOnlySpan<byte> block = _file.Peek((int)length);
        if (block.Length < length)
        {
            _file.Skip(block.Length);
            return Fail($"truncated pcapng dump file; tried to read {length - 8} bytes, only got {block.Length - 8}");
        }

        _file.Skip(length);
        if (Read32(block[(int)(length - 4)..], _swapped) != length)
        {
            return Fail("block total length in header and trailer don't match");
        }

        body = block[8..(int)(length - 4)];
        return FrameStatus.Frame;
    }

    /// <summary>
    /// A Decryption Secrets Block: a secrets type, a length and the secrets (pcapng §4.7). TLS key
    /// logs are kept for the TLS decoder; other secrets (WireGuard, ZigBee, …) and a block too short
    /// for what it says it holds are passed over, as libpcap passes over the whole block.
    /// </summary>
    private void AddSecrets(ReadOnlySpan<byte> body)
    {
        if (body.Length < 8 || Read32(body, _swapped) != TlsKeyLogSecrets)
        {
            return;
        }

        uint length = Read32(body[4..], _swapped);
        if (length <= body.Length - 8)
        {
            KeyLogs.Add(body.Slice(8, (int)length).ToArray());
        }
    }

    private string? AddInterface(uint type, ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
        {
            return TooShortText(type);
        }

        int linkType = Read16(body, _swapped);
        uint snapLength = Read32(body[4..], _swapped);

        // libpcap compares the first interface's DLT value with this one's LINKTYPE value.
        if (linkType != DataLink)
        {
            return $"an interface has a type {linkType} different from the type of the first interface";
        }

        if (LinkTypeMapping.AdjustSnapshot(snapLength) != _snapshot)
        {
            return $"an interface has a snapshot length {snapLength} different from the snapshot length of the first interface";
        }

        if (PcapNgInterface.Parse(body[8..], _swapped, out PcapNgInterface face) is { } problem)
        {
            return problem;
        }

        _interfaces.Add(face);
        return null;
    }

    private string? NewSection(uint type, ReadOnlySpan<byte> body)
    {
        if (body.Length < 16)
        {
            return TooShortText(type);
        }

        uint magic = Read32(body, _swapped);
        if (magic != ByteOrderMagic)
        {
            return BinaryPrimitives.ReverseEndianness(magic) == ByteOrderMagic
                ? "the file has sections with different byte orders"
                : "the file has a section with a bad byte order magic field";
        }

        ushort major = Read16(body[4..], _swapped);
        if (major != 1)
        {
            return $"unknown pcapng savefile major version number {major}";
        }

        _interfaces.Clear();
        return null;
    }

    private FrameStatus TooShort(uint type) => Fail(TooShortText(type));

    private static string TooShortText(uint type) => $"block of type {type} in pcapng dump file is too short";
}
