using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Geometry;

/// <summary>The supercell lattice in Angstrom for one lattice constant (rows a1, a2, a3; Cartesian axes along the
/// cubic axes), with the inverse used to turn Cartesian positions into the Direct coordinates POSCAR holds.</summary>
internal sealed class CellFrame
{
    private readonly double[] _inverse = new double[9];

    public CellFrame(RockSaltSupercell topology, double latticeConstant)
    {
        A = latticeConstant;
        Int3[] t = [topology.T1, topology.T2, topology.T3];
        Lattice = new double[9];
        for (int r = 0; r < 3; r++)
        {
            Lattice[r * 3] = t[r].X * A / 2;
            Lattice[r * 3 + 1] = t[r].Y * A / 2;
            Lattice[r * 3 + 2] = t[r].Z * A / 2;
        }
        Invert(Lattice, _inverse);
        Volume = Math.Abs(Determinant(Lattice));
    }

    /// <summary>Conventional cubic edge (Angstrom).</summary>
    public double A { get; }

    /// <summary>Rows a1, a2, a3 in Angstrom (9 values).</summary>
    public double[] Lattice { get; }

    public double Volume { get; }

    public double Length(int row)
        => Math.Sqrt(Lattice[row * 3] * Lattice[row * 3] + Lattice[row * 3 + 1] * Lattice[row * 3 + 1] + Lattice[row * 3 + 2] * Lattice[row * 3 + 2]);

    /// <summary>Reciprocal lattice vectors without 2 pi (rows b1, b2, b3, b_i . a_j = delta_ij), as OUTCAR prints them.</summary>
    public double Reciprocal(int row, int column) => _inverse[column * 3 + row];

    /// <summary>Direct coordinates of a Cartesian position: f = r L^-1 (L rows = lattice vectors).</summary>
    public void ToFractional(ReadOnlySpan<double> cartesian, Span<double> fractional)
    {
        for (int c = 0; c < 3; c++)
            fractional[c] = cartesian[0] * _inverse[c] + cartesian[1] * _inverse[3 + c] + cartesian[2] * _inverse[6 + c];
    }

    private static double Determinant(double[] m)
        => m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);

    private static void Invert(double[] m, double[] inv)
    {
        double det = Determinant(m);
        inv[0] = (m[4] * m[8] - m[5] * m[7]) / det;
        inv[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        inv[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        inv[3] = (m[5] * m[6] - m[3] * m[8]) / det;
        inv[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        inv[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        inv[6] = (m[3] * m[7] - m[4] * m[6]) / det;
        inv[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        inv[8] = (m[0] * m[4] - m[1] * m[3]) / det;
    }
}
