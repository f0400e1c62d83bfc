namespace Pipeline.Vasp.Structure;

/// <summary>3x3 lattice arithmetic on flattened row-major lattices (rows a1, a2, a3 in Angstrom).</summary>
public static class LatticeMath
{
    public static double Determinant(ReadOnlySpan<double> m)
        => m[0] * (m[4] * m[8] - m[5] * m[7])
         - m[1] * (m[3] * m[8] - m[5] * m[6])
         + m[2] * (m[3] * m[7] - m[4] * m[6]);

    public static double Volume(ReadOnlySpan<double> lattice) => Math.Abs(Determinant(lattice));

    /// <summary>Inverse of a row-major 3x3 matrix; throws for a singular lattice.</summary>
    public static double[] Inverse(ReadOnlySpan<double> m)
    {
        double det = Determinant(m);
        if (Math.Abs(det) < 1e-12)
            throw new ArgumentException("lattice is singular (zero volume)");
        double r = 1.0 / det;
        return
        [
            (m[4] * m[8] - m[5] * m[7]) * r, (m[2] * m[7] - m[1] * m[8]) * r, (m[1] * m[5] - m[2] * m[4]) * r,
            (m[5] * m[6] - m[3] * m[8]) * r, (m[0] * m[8] - m[2] * m[6]) * r, (m[2] * m[3] - m[0] * m[5]) * r,
            (m[3] * m[7] - m[4] * m[6]) * r, (m[1] * m[6] - m[0] * m[7]) * r, (m[0] * m[4] - m[1] * m[3]) * r,
        ];
    }

    /// <summary>Cartesian positions (flattened) to fractional: f = x * L^-1 for row vectors.</summary>
    public static double[] ToFractional(ReadOnlySpan<double> lattice, ReadOnlySpan<double> cartesian)
    {
        var inv = Inverse(lattice);
        var frac = new double[cartesian.Length];
        for (int i = 0; i < cartesian.Length; i += 3)
        {
            double x = cartesian[i], y = cartesian[i + 1], z = cartesian[i + 2];
            frac[i] = x * inv[0] + y * inv[3] + z * inv[6];
            frac[i + 1] = x * inv[1] + y * inv[4] + z * inv[7];
            frac[i + 2] = x * inv[2] + y * inv[5] + z * inv[8];
        }
        return frac;
    }

    /// <summary>Cartesian vector of a fractional displacement: d * L.</summary>
    public static (double X, double Y, double Z) ToCartesian(ReadOnlySpan<double> lattice, double a, double b, double c)
        => (a * lattice[0] + b * lattice[3] + c * lattice[6],
            a * lattice[1] + b * lattice[4] + c * lattice[7],
            a * lattice[2] + b * lattice[5] + c * lattice[8]);

    /// <summary>The periodic image of the fractional displacement <paramref name="d"/> with the shortest Cartesian
    /// length: wraps each component to [-0.5, 0.5) and then searches the 27 neighbouring images, which is exact for
    /// the reasonably reduced cells VASP runs use (including 60/120 degree hexagonal and fcc primitive cells).</summary>
    public static (double Da, double Db, double Dc, double Length) MinimumImage(ReadOnlySpan<double> lattice, double da, double db, double dc)
    {
        da -= Math.Round(da, MidpointRounding.AwayFromZero);
        db -= Math.Round(db, MidpointRounding.AwayFromZero);
        dc -= Math.Round(dc, MidpointRounding.AwayFromZero);
        double best = double.PositiveInfinity;
        (double, double, double) bestShift = (0, 0, 0);
        for (int i = -1; i <= 1; i++)
        for (int j = -1; j <= 1; j++)
        for (int k = -1; k <= 1; k++)
        {
            var (x, y, z) = ToCartesian(lattice, da + i, db + j, dc + k);
            double d2 = x * x + y * y + z * z;
            if (d2 < best - 1e-12)
            {
                best = d2;
                bestShift = (da + i, db + j, dc + k);
            }
        }
        return (bestShift.Item1, bestShift.Item2, bestShift.Item3, Math.Sqrt(best));
    }
}
