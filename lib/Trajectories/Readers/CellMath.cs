namespace Pipeline.Trajectories.Readers;

/// <summary>3x3 cell algebra on row-major cells (rows a1, a2, a3): volume and Cartesian-to-fractional conversion.</summary>
public static class CellMath
{
    public static double Volume(ReadOnlySpan<double> c)
        => Math.Abs(c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]));

    /// <summary>Inverse of the cell matrix (row-major), so that f = r . inverse for a row vector r.</summary>
    public static double[] Inverse(ReadOnlySpan<double> c)
    {
        var inverse = new double[9];
        Invert(c, inverse);
        return inverse;
    }

    /// <summary><see cref="Inverse"/> into a caller's buffer (no allocation per frame).</summary>
    public static void Invert(ReadOnlySpan<double> c, Span<double> inverse)
    {
        double det = c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
        if (!(Math.Abs(det) > 1e-12) || !double.IsFinite(det))
            throw new ArgumentException("the cell is singular (zero volume)");
        ReadOnlySpan<double> values =
        [
            (c[4] * c[8] - c[5] * c[7]) / det, (c[2] * c[7] - c[1] * c[8]) / det, (c[1] * c[5] - c[2] * c[4]) / det,
            (c[5] * c[6] - c[3] * c[8]) / det, (c[0] * c[8] - c[2] * c[6]) / det, (c[2] * c[3] - c[0] * c[5]) / det,
            (c[3] * c[7] - c[4] * c[6]) / det, (c[1] * c[6] - c[0] * c[7]) / det, (c[0] * c[4] - c[1] * c[3]) / det,
        ];
        values.CopyTo(inverse);
    }

    /// <summary>Converts Cartesian positions (3 per atom) to fractional coordinates in place.</summary>
    public static void ToFractional(Span<double> positions, ReadOnlySpan<double> inverse)
    {
        for (int i = 0; i < positions.Length; i += 3)
        {
            double x = positions[i], y = positions[i + 1], z = positions[i + 2];
            positions[i] = x * inverse[0] + y * inverse[3] + z * inverse[6];
            positions[i + 1] = x * inverse[1] + y * inverse[4] + z * inverse[7];
            positions[i + 2] = x * inverse[2] + y * inverse[5] + z * inverse[8];
        }
    }
}
