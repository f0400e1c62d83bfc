using System.Globalization;
using System.Text;
using Pipeline.Trajectories.Readers;

namespace Pipeline.Transport.Tests.Support;

/// <summary>A generated trajectory with a known answer: Li walkers on a simple cubic lattice (spacing
/// <see cref="Spacing"/>) in a periodic cubic box of <see cref="BoxSites"/>^3 sites, plus fixed O atoms. Each frame
/// every walker hops with probability <see cref="HopProbability"/> to one of its 6 neighbours (all walkers make the
/// same hop when <see cref="Correlated"/>); Gaussian noise of standard deviation <see cref="Vibration"/> per
/// Cartesian component is added to every reported Li position (thermal vibration about the site), and every atom
/// is shifted by <see cref="DriftPerFrame"/> per frame when set. Exact answers, with frame time dt:
/// D* = p a^2 / (6 dt) (= k a^2 for a hop rate k = p / (6 dt) per direction, the kMC's convention in 3 d);
/// independent walkers: D_sigma = D*, H_R = 1; correlated walkers: D_sigma = N D*, H_R = 1/N; vibration adds
/// 6 sigma^2 to the MSD at every lag but does not change its slope.</summary>
public sealed class WalkerTrajectory : ITrajectoryReader
{
    public int Walkers { get; init; } = 32;
    public int Framework { get; init; } = 8;
    public int BoxSites { get; init; } = 4;
    public double Spacing { get; init; } = 2.0;
    public double HopProbability { get; init; } = 0.5;
    public bool Correlated { get; init; }
    public double Vibration { get; init; }
    public double DriftPerFrame { get; init; }
    public long Frames { get; init; } = 10_000;
    public int Seed { get; init; } = 1;

    private Random? _random;
    private long[]? _sites;
    private long _next;

    public string File => "walkers";
    public IReadOnlyList<string> Species => [.. Enumerable.Repeat("Li", Walkers), .. Enumerable.Repeat("O", Framework)];
    public double? TimeStepFs => null;
    public double? Temperature => null;
    public double Box => BoxSites * Spacing;

    /// <summary>Exact tracer diffusivity in cm^2/s for a frame time in ps.</summary>
    public double ExactTracer(double frameTimePs) => HopProbability * Spacing * Spacing / (6 * frameTimePs) * 1e-4;

    public bool TryRead(TrajectoryFrame? frame)
    {
        if (_next >= Frames) return false;
        _random ??= new Random(Seed);
        if (_sites is null)
        {
            _sites = new long[3 * Walkers];
            for (int i = 0; i < _sites.Length; i++) _sites[i] = _random.Next(BoxSites);
        }
        else Hop();
        var cell = new double[9];
        cell[0] = cell[4] = cell[8] = Box;
        var positions = new double[3 * (Walkers + Framework)];
        for (int i = 0; i < 3 * Walkers; i++)
            positions[i] = (_sites[i] + 0.25) * Spacing + (Vibration > 0 ? Vibration * Gaussian() : 0);
        for (int j = 0; j < Framework; j++)
            for (int c = 0; c < 3; c++)
                positions[3 * (Walkers + j) + c] = ((j * 7 + c * 3) % BoxSites + 0.75) * Spacing;
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] += DriftPerFrame * _next;
            double f = positions[i] / Box;
            positions[i] = f - Math.Floor(f); // wrapped fractional
        }
        if (frame is not null)
        {
            cell.CopyTo(frame.Cell, 0);
            positions.CopyTo(frame.Fractional, 0);
            frame.Index = _next;
        }
        _next++;
        return true;
    }

    private void Hop()
    {
        int sharedDirection = _random!.Next(6);
        bool sharedHop = _random.NextDouble() < HopProbability;
        for (int w = 0; w < Walkers; w++)
        {
            bool hop = Correlated ? sharedHop : _random.NextDouble() < HopProbability;
            if (!hop) continue;
            int direction = Correlated ? sharedDirection : _random.Next(6);
            _sites![3 * w + direction / 2] += direction % 2 == 0 ? 1 : -1;
        }
    }

    private double Gaussian()
    {
        double u1 = 1.0 - _random!.NextDouble(), u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Writes the same frames as a VASP 5 XDATCAR (fixed cell), 8 decimals like VASP.</summary>
    public static void WriteXdatcar(WalkerTrajectory source, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("walkers\n           1\n");
        var box = source.Box.ToString("F6", CultureInfo.InvariantCulture);
        w.Write($"    {box}    0.000000    0.000000\n    0.000000    {box}    0.000000\n    0.000000    0.000000    {box}\n");
        w.Write($"   Li   O\n   {source.Walkers}   {source.Framework}\n");
        var frame = new TrajectoryFrame(source.Walkers + source.Framework);
        long n = 0;
        while (source.TryRead(frame))
        {
            w.Write($"Direct configuration= {++n,5}\n");
            var f = frame.Fractional;
            for (int i = 0; i < f.Length; i += 3)
                w.Write(string.Create(CultureInfo.InvariantCulture, $"  {f[i]:F8}  {f[i + 1]:F8}  {f[i + 2]:F8}\n"));
        }
    }

    public void Dispose()
    {
    }
}
