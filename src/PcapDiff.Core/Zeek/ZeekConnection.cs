using PcapDiff.Core.Model;

namespace PcapDiff.Core.Zeek;

/// <summary>
/// Zeek's <c>history</c> and <c>conn_state</c> of one connection (conn.log), built packet by packet
/// with Zeek's rules: upper case for the originator, lower case for the responder; <c>a d i q</c> at
/// most once per side; <c>s h f r</c> again only with a new sequence number; <c>t w g</c> at the
/// 1st, 10th, 100th … occurrence. Bad checksums (<c>c</c>) are not checked: local captures carry
/// offloaded, unfinished checksums.
/// </summary>
internal sealed class ZeekConnection(Transport protocol)
{
    // Both sides in one array of values: one allocation per connection.
    private readonly Side[] _sides = new Side[2];
    private char[] _history = new char[12];
    private int _length;

    /// <summary>Zeek's endpoint states, as in its TCP analyzer.</summary>
    private enum State
    {
        Inactive,
        SynSent,
        SynAckSent,
        Partial,
        Established,
        Closed,
        Reset,
    }

    [Flags]
    private enum Seen
    {
        None = 0,
        Syn = 1,
        Fin = 2,
        Rst = 4,
        Ack = 8,
        Data = 16,
        Inconsistent = 32,
        MultiFlag = 64,
    }

    /// <summary>The history string, e.g. <c>ShADadfF</c>.</summary>
    public string History => new(_history, 0, _length);

    /// <summary>Marks the connection as turned around: Zeek took the first packet's receiver as the originator.</summary>
    public void Flipped() => Add('^');

    /// <summary>A TCP packet; <paramref name="sequence"/> is relative to nothing in particular, only compared.</summary>
    public void Tcp(Direction direction, TcpFlags flags, uint sequence, int length, ushort window)
    {
        ref var side = ref _sides[(int)direction];
        bool syn = (flags & TcpFlags.Syn) != 0, fin = (flags & TcpFlags.Fin) != 0, rst = (flags & TcpFlags.Rst) != 0, ack = (flags & TcpFlags.Ack) != 0;
        int bits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
        if (bits > 1)
        {
            AlreadySeen(direction, ref side, fin && rst ? Seen.Inconsistent : Seen.MultiFlag, fin && rst ? 'I' : 'Q');
        }
        else if (syn)
        {
            char code = ack ? 'H' : 'S';
            if (AlreadySeen(direction, ref side, Seen.Syn, code) && sequence != side.LastSyn)
            {
                Add(direction, code);
            }

            side.LastSyn = sequence;
        }
        else if (fin)
        {
            // A FIN's sequence number comes after the packet's data.
            uint at = sequence + (uint)length;
            if (AlreadySeen(direction, ref side, Seen.Fin, 'F') && at != side.LastFin)
            {
                Add(direction, 'F');
            }

            side.LastFin = at;
        }
        else if (rst)
        {
            if (AlreadySeen(direction, ref side, Seen.Rst, 'R') && sequence != side.LastRst)
            {
                Add(direction, 'R');
            }

            side.LastRst = sequence;
        }
        else if (length > 0)
        {
            AlreadySeen(direction, ref side, Seen.Data, 'D');
        }
        else if (ack)
        {
            AlreadySeen(direction, ref side, Seen.Ack, 'A');
        }

        if (window == 0 && !syn && !rst)
        {
            Scaled(direction, ref side.ZeroWindows, ref side.ZeroWindowMark, 'W');
        }

        UpdateStates(direction, syn, ack, fin, rst);
        side.PayloadBytes += length;
    }

    /// <summary>A TCP packet that carried payload already sent.</summary>
    public void Retransmission(Direction direction)
    {
        ref var side = ref _sides[(int)direction];
        Scaled(direction, ref side.Retransmissions, ref side.RetransmissionMark, 'T');
    }

    /// <summary>Stretches of bytes a side sent that the capture never showed (content gaps).</summary>
    public void ContentGaps(Direction direction, int gaps)
    {
        ref var side = ref _sides[(int)direction];
        for (int i = 0; i < gaps; i++)
        {
            Scaled(direction, ref side.Gaps, ref side.GapMark, 'G');
        }
    }

    /// <summary>A UDP datagram.</summary>
    public void Udp(Direction direction, int length)
    {
        ref var side = ref _sides[(int)direction];
        AlreadySeen(direction, ref side, Seen.Data, 'D');
        side.State = State.Established;
        side.PayloadBytes += length;
    }

    /// <summary>Zeek's <c>conn_state</c>: <c>SF</c>, <c>S0</c>, <c>REJ</c>, <c>RSTO</c>, … (base/protocols/conn/main.zeek).</summary>
    public string ConnState()
    {
        var orig = _sides[0];
        var resp = _sides[1];
        if (protocol == Transport.Udp)
        {
            bool origActive = orig.State != State.Inactive, respActive = resp.State != State.Inactive;
            return origActive ? (respActive ? "SF" : "S0") : (respActive ? "SHR" : "OTH");
        }

        if (protocol != Transport.Tcp)
        {
            return "OTH";
        }

        var os = orig.State;
        var rs = resp.State;
        bool origInactive = os is State.Inactive or State.Partial;
        bool respInactive = rs is State.Inactive or State.Partial;
        if (rs == State.Reset)
        {
            if (os is State.SynSent or State.SynAckSent || (os == State.Reset && orig.PayloadBytes == 0 && resp.PayloadBytes == 0))
            {
                return "REJ";
            }

            return origInactive ? "RSTRH" : "RSTR";
        }

        if (os == State.Reset)
        {
            if (respInactive)
            {
                return SynThenReset(History) ? "RSTOS0" : "OTH";
            }

            return "RSTO";
        }

        if (rs == State.Closed && os == State.Closed)
        {
            return "SF";
        }

        if (os == State.Closed)
        {
            return respInactive ? "SH" : "S2";
        }

        if (rs == State.Closed)
        {
            return origInactive ? "SHR" : "S3";
        }

        if (os == State.SynSent && rs == State.Inactive)
        {
            return "S0";
        }

        return os == State.Established && rs == State.Established ? "S1" : "OTH";
    }

    /// <summary>Zeek's test <c>/^?S[^HAFGIQ]*R.*/</c>: a SYN, then a RST before any answer or close.</summary>
    private static bool SynThenReset(string history)
    {
        var letters = history.AsSpan().TrimStart('^');
        if (letters.IsEmpty || letters[0] != 'S')
        {
            return false;
        }

        foreach (char c in letters[1..])
        {
            if (c == 'R')
            {
                return true;
            }

            if (c is 'H' or 'A' or 'F' or 'G' or 'I' or 'Q')
            {
                return false;
            }
        }

        return false;
    }

    private void UpdateStates(Direction direction, bool syn, bool ack, bool fin, bool rst)
    {
        ref var side = ref _sides[(int)direction];
        ref var peer = ref _sides[1 - (int)direction];
        if (rst)
        {
            side.State = State.Reset;
            return;
        }

        if (syn)
        {
            if (side.State is State.Inactive or State.SynSent or State.SynAckSent)
            {
                side.State = ack ? State.SynAckSent : State.SynSent;
            }
        }
        else
        {
            if (side.State == State.Inactive)
            {
                side.State = State.Partial;
            }
            else if (ack && side.State is State.SynSent or State.SynAckSent)
            {
                side.State = State.Established;
                if (peer.State == State.SynAckSent)
                {
                    peer.State = State.Established;
                }
            }
        }

        if (fin && side.State != State.Reset)
        {
            side.State = State.Closed;
        }
    }

    /// <summary>Zeek's CheckHistory: records the letter the first time and returns false; true when seen before.</summary>
    private bool AlreadySeen(Direction direction, ref Side side, Seen what, char code)
    {
        if ((side.Seen & what) != 0)
        {
            return true;
        }

        side.Seen |= what;
        Add(direction, code);
        return false;
    }

    private void Scaled(Direction direction, ref int count, ref int mark, char code)
    {
        count++;
        if (count >= Math.Max(mark, 1))
        {
            Add(direction, code);
            mark = Math.Max(mark, 1) * 10;
        }
    }

    private void Add(Direction direction, char code) => Add(direction == Direction.ClientToServer ? code : char.ToLowerInvariant(code));

    private void Add(char letter)
    {
        if (_length == _history.Length)
        {
            Array.Resize(ref _history, _history.Length * 2);
        }

        _history[_length++] = letter;
    }

    private struct Side
    {
        public State State;
        public Seen Seen;
        public uint LastSyn;
        public uint LastFin;
        public uint LastRst;
        public long PayloadBytes;
        public int Retransmissions;
        public int RetransmissionMark;
        public int ZeroWindows;
        public int ZeroWindowMark;
        public int Gaps;
        public int GapMark;
    }
}
