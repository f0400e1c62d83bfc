using Pipeline.RockSalt;

namespace Pipeline.RockSalt.Tests.Support;

/// <summary>Writes ideal rock-salt configurations as a DFT code would: cell vectors (rows, Angstrom), species per atom
/// and flattened fractional coordinates, optionally deformed (strain or rotation applied to cell and atoms alike),
/// rigidly shifted and with per-atom displacements. Independent of the mapper's own linear algebra.</summary>
public sealed class StructureFactory
{
    private readonly double[] _deformation;
    private readonly double[] _inverseLattice;

    /// <param name="cell">The ideal supercell.</param>
    /// <param name="deformation">Row-vector 3x3 map applied to every Cartesian vector (identity when null).</param>
    /// <param name="shift">Rigid shift (Angstrom, before deformation) of every atom.</param>
    public StructureFactory(RockSaltSupercell cell, double[]? deformation = null, Vec3 shift = default)
    {
        Cell = cell;
        Shift = shift;
        _deformation = deformation ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
        var rows = new double[9];
        var ideal = cell.LatticeVectors;
        for (int r = 0; r < 3; r++)
        {
            var v = Apply(new Vec3(ideal[r, 0], ideal[r, 1], ideal[r, 2]), _deformation);
            rows[3 * r] = v.X; rows[3 * r + 1] = v.Y; rows[3 * r + 2] = v.Z;
        }
        Lattice = rows;
        _inverseLattice = Inverse(rows);
    }

    public RockSaltSupercell Cell { get; }
    public Vec3 Shift { get; }

    /// <summary>Cell vectors, rows a1, a2, a3 (Angstrom), as the mapper receives them.</summary>
    public double[] Lattice { get; }

    /// <summary>Actual Cartesian position (Angstrom) of the lattice point q (units of a/2) plus a displacement
    /// (Angstrom, actual frame).</summary>
    public Vec3 Cartesian(Vec3 q, Vec3 displacement = default)
        => Apply((Cell.A / 2) * q + Shift, _deformation) + displacement;

    public Vec3 Fractional(Vec3 q, Vec3 displacement = default) => Apply(Cartesian(q, displacement), _inverseLattice);

    /// <summary>Flattened fractional coordinates of the given lattice points, each displaced by displacement(i).</summary>
    public double[] Frac(IReadOnlyList<Vec3> positions, Func<int, Vec3>? displacement = null)
    {
        var frac = new double[3 * positions.Count];
        for (int i = 0; i < positions.Count; i++)
        {
            var f = Fractional(positions[i], displacement?.Invoke(i) ?? default);
            frac[3 * i] = f.X; frac[3 * i + 1] = f.Y; frac[3 * i + 2] = f.Z;
        }
        return frac;
    }

    /// <summary>A rotation by <paramref name="degrees"/> about the z axis, as a row-vector deformation.</summary>
    public static double[] RotationZ(double degrees)
    {
        double c = Math.Cos(degrees * Math.PI / 180), s = Math.Sin(degrees * Math.PI / 180);
        return [c, s, 0, -s, c, 0, 0, 0, 1];
    }

    /// <summary>A random displacement uniform in the ball of radius <paramref name="radius"/>.</summary>
    public static Vec3 RandomDisplacement(Random rng, double radius)
    {
        Vec3 g;
        do g = new Vec3(Gauss(rng), Gauss(rng), Gauss(rng)); while (g.Length < 1e-9);
        return (radius * Math.Cbrt(rng.NextDouble()) / g.Length) * g;
    }

    private static double Gauss(Random rng)
        => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static Vec3 Apply(Vec3 v, double[] m)
        => new(v.X * m[0] + v.Y * m[3] + v.Z * m[6], v.X * m[1] + v.Y * m[4] + v.Z * m[7], v.X * m[2] + v.Y * m[5] + v.Z * m[8]);

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
