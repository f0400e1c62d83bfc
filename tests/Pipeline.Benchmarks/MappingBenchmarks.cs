using BenchmarkDotNet.Attributes;
using Pipeline.RockSalt;

namespace Pipeline.Benchmarks;

/// <summary>Structure mapping of one relaxed 200-atom cell (4x5x5 fcc-primitive, 100 cations + 100 anions, 0.05 A
/// noise), as featurize and the CE training set run it once per structure: the aligned cell takes the direct path,
/// the randomly rotated and 3%-strained one finds its cubic frame from the anion neighbour vectors first.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Mapping*'</summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private double[] _lattice = null!;
    private string[] _species = null!;
    private double[] _frac = null!;

    [Params("aligned", "rotated")]
    public string Orientation { get; set; } = "aligned";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(200);
        var cell = RockSaltSupercell.Primitive(4, 5, 5, 4.1);
        // Row-vector map applied to every Cartesian vector: identity, or a 3% strain followed by a fixed rotation.
        double[] map = Orientation == "aligned"
            ? [1, 0, 0, 0, 1, 0, 0, 0, 1]
            : Times([1.02, 0.01, -0.015, 0.01, 0.985, 0.02, -0.015, 0.02, 1.01], RotationRows(0.3, -0.7, 0.5, 0.8));

        var ideal = cell.LatticeVectors;
        _lattice = new double[9];
        for (int r = 0; r < 3; r++)
        {
            var v = Apply(ideal[r, 0], ideal[r, 1], ideal[r, 2], map);
            (_lattice[3 * r], _lattice[3 * r + 1], _lattice[3 * r + 2]) = v;
        }
        var inverse = Inverse(_lattice);

        var species = new List<string>();
        var frac = new List<double>();
        void Add(string symbol, Int3 q)
        {
            var (x, y, z) = Apply(q.X * cell.A / 2, q.Y * cell.A / 2, q.Z * cell.A / 2, map);
            double nx = 0.05 * (2 * rng.NextDouble() - 1), ny = 0.05 * (2 * rng.NextDouble() - 1), nz = 0.05 * (2 * rng.NextDouble() - 1);
            var (f1, f2, f3) = Apply(x + nx, y + ny, z + nz, inverse);
            species.Add(symbol);
            frac.AddRange([f1 - Math.Floor(f1), f2 - Math.Floor(f2), f3 - Math.Floor(f3)]);
        }
        for (int i = 0; i < cell.CationCount; i++) Add(rng.NextDouble() < 0.6 ? "Li" : "V", cell.CationPosition(i));
        for (int j = 0; j < cell.AnionCount; j++) Add(rng.NextDouble() < 2.0 / 3 ? "O" : "F", cell.AnionPosition(j));
        _species = species.ToArray();
        _frac = frac.ToArray();
    }

    /// <summary>One operation = fit the ideal lattice and assign all 200 atoms.</summary>
    [Benchmark]
    public double Map() => StructureMapper.Map(_lattice, _species, _frac, "benchmark").MaxDeviation;

    /// <summary>Row-vector map of the rotation by <paramref name="angle"/> radians about the axis (x, y, z).</summary>
    private static double[] RotationRows(double x, double y, double z, double angle)
    {
        double n = Math.Sqrt(x * x + y * y + z * z);
        x /= n; y /= n; z /= n;
        double c = Math.Cos(angle), s = Math.Sin(angle), t = 1 - c;
        // Column rotation (Rodrigues), transposed for row vectors.
        return
        [
            t * x * x + c, t * x * y + s * z, t * x * z - s * y,
            t * x * y - s * z, t * y * y + c, t * y * z + s * x,
            t * x * z + s * y, t * y * z - s * x, t * z * z + c,
        ];
    }

    private static double[] Times(double[] a, double[] b)
    {
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return r;
    }

    private static (double, double, double) Apply(double x, double y, double z, double[] m)
        => (x * m[0] + y * m[3] + z * m[6], x * m[1] + y * m[4] + z * m[7], x * m[2] + y * m[5] + z * m[8]);

    private static double[] Inverse(double[] m)
    {
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        return
        [
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
        ];
    }
}
