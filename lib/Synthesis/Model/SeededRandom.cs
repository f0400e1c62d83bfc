using Pipeline.RockSalt.Sampling;

namespace Pipeline.Synthesis.Model;

/// <summary>The synthesizer's random streams: the project's <see cref="Xoshiro256"/>, one stream per
/// (seed, purpose, index), which makes parallel generation deterministic, plus the draws the synthesizer needs on top
/// (uniform ranges, Gaussians).</summary>
internal sealed class SeededRandom
{
    private readonly Xoshiro256 _stream;
    private double _spareGaussian;
    private bool _hasSpare;

    public SeededRandom(ulong seed) => _stream = new Xoshiro256(seed);

    /// <summary>An independent stream for one (purpose, index) pair of a dataset seed.</summary>
    public static SeededRandom For(long seed, Purpose purpose, long index)
    {
        ulong x = unchecked((ulong)seed);
        ulong h = Xoshiro256.SplitMix64(ref x);
        h ^= unchecked((ulong)purpose * 0x9E3779B97F4A7C15UL);
        x = h;
        h = Xoshiro256.SplitMix64(ref x);
        h ^= unchecked((ulong)index * 0xC2B2AE3D27D4EB4FUL);
        x = h;
        return new SeededRandom(Xoshiro256.SplitMix64(ref x));
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

    public ulong NextUInt64() => _stream.NextUInt64();

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _stream.NextDouble();

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, n) without modulo bias.</summary>
    public int NextInt(int n) => _stream.NextInt(n);

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
    public void Shuffle<T>(Span<T> items) => _stream.Shuffle(items);
}
