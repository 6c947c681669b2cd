namespace PcapDiff.CaptureGenerator;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small generator whose output depends only on its seed,
/// never on the runtime's <see cref="Random"/> implementation. Each flow draws from its own stream,
/// so a flow that fails in the bad run changes nothing about the flows after it.
/// </summary>
internal sealed class Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for (seed, purpose, index).</summary>
    public static Rng For(ulong seed, Stream purpose, long index)
    {
        ulong x = seed ^ ((ulong)purpose * 0x9E3779B97F4A7C15UL);
        ulong mixed = SplitMix(ref x) ^ (ulong)index;
        return new Rng(SplitMix(ref mixed));
    }

    /// <summary>What a stream is for; part of its seed.</summary>
    public enum Stream : ulong
    {
        World = 1,
        Arrivals = 2,
        Session = 3,
        Failure = 4,
        Filler = 5,
        Scan = 6,
        HugeFlow = 7,
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    public uint NextUInt32() => (uint)(NextUInt64() >> 32);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)(((NextUInt64() >> 32) * (ulong)max) >> 32);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(double probability) => NextDouble() < probability;

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Pareto with scale <paramref name="min"/> and shape <paramref name="alpha"/>, cut at <paramref name="cap"/>.</summary>
    public long Pareto(double min, double alpha, long cap) =>
        (long)Math.Min(cap, min / Math.Pow(1.0 - NextDouble(), 1.0 / alpha));

    /// <summary>Uniform on a log scale between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public double LogUniform(double low, double high) => low * Math.Pow(high / low, NextDouble());

    /// <summary>1 + a geometric count with the given mean (at least 1).</summary>
    public int Geometric(double mean)
    {
        int count = 1;
        double more = 1.0 - (1.0 / mean);
        while (count < 64 && Chance(more))
        {
            count++;
        }

        return count;
    }

    public void Fill(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(NextUInt64() >> 56);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
