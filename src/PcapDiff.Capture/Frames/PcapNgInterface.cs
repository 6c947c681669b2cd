namespace PcapDiff.Capture.Frames;

/// <summary>
/// A pcapng interface's clock: its time resolution (<c>if_tsresol</c>) and offset (<c>if_tsoffset</c>),
/// turning a block's 64-bit timestamp into seconds and nanoseconds with libpcap's arithmetic.
/// </summary>
internal readonly struct PcapNgInterface
{
    private const ulong Nanosecond = 1_000_000_000;

    private readonly ulong _resolution;
    private readonly ulong _offset;
    private readonly bool _binary;

    private PcapNgInterface(ulong resolution, ulong offset, bool binary)
    {
        _resolution = resolution;
        _offset = offset;
        _binary = binary;
    }

    /// <summary>Reads an interface description's options (libpcap's <c>process_idb_options</c>).</summary>
    /// <returns>null, or libpcap's words for an option it rejects.</returns>
    public static string? Parse(ReadOnlySpan<byte> options, bool swapped, out PcapNgInterface face)
    {
        ulong resolution = 1_000_000;
        ulong offset = 0;
        bool binary = false;
        bool sawResolution = false;
        bool sawOffset = false;
        face = new PcapNgInterface(resolution, offset, binary);
        while (options.Length != 0)
        {
            if (options.Length < 4)
            {
                return TooShort;
            }

            ushort code = FileEndian.Read16(options, swapped);
            ushort length = FileEndian.Read16(options[2..], swapped);
            int padded = (length + 3) / 4 * 4;
            options = options[4..];
            if (options.Length < padded)
            {
                return TooShort;
            }

            ReadOnlySpan<byte> value = options[..length];
            options = options[padded..];
            switch (code)
            {
                case 0:
                    if (length != 0)
                    {
                        return $"Interface Description Block has opt_endofopt option with length {length} != 0";
                    }

                    face = new PcapNgInterface(resolution, offset, binary);
                    return null;
                case 9:
                    if (length != 1)
                    {
                        return $"Interface Description Block has if_tsresol option with length {length} != 1";
                    }

                    if (sawResolution)
                    {
                        return "Interface Description Block has more than one if_tsresol option";
                    }

                    sawResolution = true;
                    byte exponent = value[0];
                    if ((exponent & 0x80) != 0)
                    {
                        int shift = exponent & 0x7F;
                        if (shift > 63)
                        {
                            return $"Interface Description Block if_tsresol option resolution 2^-{shift} is too high";
                        }

                        resolution = 1UL << shift;
                        binary = true;
                    }
                    else
                    {
                        if (exponent > 19)
                        {
                            return $"Interface Description Block if_tsresol option resolution 10^-{exponent} is too high";
                        }

                        resolution = 1;
                        for (int i = 0; i < exponent; i++)
                        {
                            resolution *= 10;
                        }

                        binary = false;
                    }

                    break;
                case 14:
                    if (length != 8)
                    {
                        return $"Interface Description Block has if_tsoffset option with length {length} != 8";
                    }

                    if (sawOffset)
                    {
                        return "Interface Description Block has more than one if_tsoffset option";
                    }

                    sawOffset = true;
                    offset = FileEndian.Read64(value, swapped);
                    break;
            }
        }

        face = new PcapNgInterface(resolution, offset, binary);
        return null;
    }

    /// <summary>The whole seconds of a timestamp, as libpcap stores them in a <c>time_t</c>.</summary>
    public long Seconds(ulong time) => unchecked((long)((time / _resolution) + _offset));

    /// <summary>The fraction of a timestamp in nanoseconds, kept in 32 bits as libpcap's <c>(int)</c> cast does.</summary>
    public uint Nanoseconds(ulong time)
    {
        ulong fraction = time % _resolution;
        unchecked
        {
            if (_resolution == Nanosecond)
            {
                return (uint)fraction;
            }

            if (_binary)
            {
                return (uint)(fraction * Nanosecond / _resolution);
            }

            return (uint)(_resolution > Nanosecond ? fraction / (_resolution / Nanosecond) : fraction * (Nanosecond / _resolution));
        }
    }

    private const string TooShort = "block of type 1 in pcapng dump file is too short";
}
