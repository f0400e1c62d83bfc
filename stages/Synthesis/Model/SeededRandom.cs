namespace Pipeline.Synthesis.Model;

/// <summary>A small, fully specified PRNG (xoshiro256**, seeded through SplitMix64) so that a seed gives the same
/// dataset on every .NET version and machine. Each calculation draws from its own stream derived from
/// (seed, purpose, index), which makes parallel generation deterministic.</summary>
internal sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for one (purpose, index) pair of a dataset seed.</summary>
    public static SeededRandom For(long seed, Purpose purpose, long index)
    {
        ulong x = unchecked((ulong)seed);
        ulong h = SplitMix(ref x);
        h ^= unchecked((ulong)purpose * 0x9E3779B97F4A7C15UL);
        x = h;
        h = SplitMix(ref x);
        h ^= unchecked((ulong)index * 0xC2B2AE3D27D4EB4FUL);
        x = h;
        return new SeededRandom(SplitMix(ref x));
    }

    /// <summary>The purposes random streams are drawn for; each gets its own sequence per index.</summary>
    public enum Purpose
    {
        HopConfiguration = 1,
        HopBarrier = 2,
        HopGeometry = 3,
        SinglePoint = 4,
        SinglePointGeometry = 5,
        TruthSample = 6,
        Faults = 7,
        FileLayout = 8,
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

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire's method with rejection).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        ulong range = (ulong)n;
        while (true)
        {
            ulong x = NextUInt64() >> 32;
            ulong m = x * range;
            ulong low = m & 0xFFFFFFFFUL;
            if (low >= range || low >= ((0x1_0000_0000UL - range) % range))
                return (int)(m >> 32);
        }
    }

    /// <summary>Standard normal deviate (Marsaglia polar method: no trigonometric functions involved).</summary>
    public double Gaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        _hasSpare = true;
        return u * f;
    }

    public double Gaussian(double sigma) => sigma * Gaussian();

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
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
