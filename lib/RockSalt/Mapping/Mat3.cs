namespace Pipeline.RockSalt;

/// <summary>3x3 matrices stored row-major in 9 doubles; rows of a lattice matrix are its cell vectors.</summary>
internal static class Mat3
{
    public static double Det(ReadOnlySpan<double> m)
        => m[0] * (m[4] * m[8] - m[5] * m[7])
         - m[1] * (m[3] * m[8] - m[5] * m[6])
         + m[2] * (m[3] * m[7] - m[4] * m[6]);

    public static double[] Inverse(ReadOnlySpan<double> m)
    {
        double det = Det(m);
        if (det == 0 || !double.IsFinite(det)) throw new ArgumentException("singular matrix");
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                // inverse[i,j] = cofactor[j,i] / det; the cyclic index trick carries the cofactor sign.
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                r[i * 3 + j] = (m[r0 * 3 + c0] * m[r1 * 3 + c1] - m[r0 * 3 + c1] * m[r1 * 3 + c0]) / det;
            }
        return r;
    }

    public static double[] Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
        return r;
    }

    /// <summary>Row vector times matrix: v M.</summary>
    public static Vec3 Apply(Vec3 v, ReadOnlySpan<double> m)
        => new(v.X * m[0] + v.Y * m[3] + v.Z * m[6],
               v.X * m[1] + v.Y * m[4] + v.Z * m[7],
               v.X * m[2] + v.Y * m[5] + v.Z * m[8]);

    public static double[] FromRows(Int3 a, Int3 b, Int3 c) => [a.X, a.Y, a.Z, b.X, b.Y, b.Z, c.X, c.Y, c.Z];

    public static Vec3 Row(ReadOnlySpan<double> m, int r) => new(m[r * 3], m[r * 3 + 1], m[r * 3 + 2]);
}
