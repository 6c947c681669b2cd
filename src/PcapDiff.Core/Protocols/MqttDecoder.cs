using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// MQTT 3.1, 3.1.1 and 5.0 over TCP: walks the control packets of each direction by their fixed
/// header (type and flags, then a remaining length of 1 to 4 bytes), keeps at most the first 16 KB
/// after it for naming and skips the rest, so a large PUBLISH payload is never buffered. The protocol
/// level of the client's CONNECT decides how both directions' packets are read.
/// </summary>
internal sealed class MqttDecoder : AppDecoder
{
    private const int HeadLimit = 16 * 1024;

    private readonly Side[] _sides = [new Side(), new Side()];

    /// <summary>Protocol level: 3 (3.1), 4 (3.1.1) or 5 (5.0); 3.1.1 until a CONNECT says otherwise.</summary>
    private int _level = 4;

    public override string Protocol => "MQTT";

    /// <inheritdoc />
    public override EventKind Kind => EventKind.Mqtt;

    public override void Feed(Direction direction, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        var side = _sides[SideOf(direction)];
        if (!side.Cursor.Admit(ref offset, ref bytes))
        {
            return;
        }

        while (!bytes.IsEmpty && !side.Cursor.Stopped)
        {
            int used = side.InBody ? ReadBody(side, bytes, found) : ReadFixedHeader(side, offset, bytes, found);
            bytes = bytes[used..];
            offset += used;
        }
    }

    public override void Gap(Direction direction) => _sides[SideOf(direction)].Cursor.Stop();

    private int ReadFixedHeader(Side side, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        int used = 0;
        while (used < bytes.Length)
        {
            byte b = bytes[used++];
            if (side.HeaderCount == 0)
            {
                if (!MqttPacket.IsValidFirstByte(b))
                {
                    side.Cursor.Stop();
                    return used;
                }

                side.First = b;
                side.PacketOffset = offset + used - 1;
                side.Remaining = 0;
                side.HeaderCount = 1;
                continue;
            }

            side.Remaining |= (b & 0x7f) << (7 * (side.HeaderCount - 1));
            side.HeaderCount++;
            if ((b & 0x80) == 0)
            {
                StartBody(side, found);
                return used;
            }

            if (side.HeaderCount == 5)
            {
                // A fifth length byte: no MQTT packet is that long (at most 256 MB).
                side.Cursor.Stop();
                return used;
            }
        }

        return used;
    }

    private void StartBody(Side side, List<AppMessage> found)
    {
        side.InBody = true;
        side.Left = side.Remaining;
        side.Head.Clear();
        side.Named = false;
        TryName(side, found);
        if (side.Left == 0)
        {
            EndPacket(side);
        }
    }

    private int ReadBody(Side side, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        int take = Math.Min(side.Left, bytes.Length);
        if (!side.Named)
        {
            side.Head.Append(bytes[..take]);
            TryName(side, found);
        }

        side.Left -= take;
        if (side.Left == 0)
        {
            EndPacket(side);
        }

        return take;
    }

    /// <summary>Names the packet once its head is all there; a PUBLISH as soon as its topic and properties are.</summary>
    private void TryName(Side side, List<AppMessage> found)
    {
        bool complete = side.Head.Count == Math.Min(side.Remaining, HeadLimit);
        if (side.Named || (!complete && side.First >> 4 != MqttPacket.Publish))
        {
            return;
        }

        if (MqttPacket.Describe(side.First, side.Head.Bytes, side.Remaining, complete, ref _level) is { } packet)
        {
            side.Named = true;
            found.Add(new AppMessage(side.PacketOffset, packet));
        }
    }

    private static void EndPacket(Side side)
    {
        side.InBody = false;
        side.HeaderCount = 0;
    }

    /// <summary>One direction: the fixed header being read, or the packet being passed over.</summary>
    private sealed class Side
    {
        public StreamCursor Cursor { get; } = new();

        public byte First { get; set; }

        public int HeaderCount { get; set; }

        public int Remaining { get; set; }

        public long PacketOffset { get; set; }

        public bool InBody { get; set; }

        public int Left { get; set; }

        public bool Named { get; set; }

        public HeadBuffer Head { get; } = new(HeadLimit);
    }
}
