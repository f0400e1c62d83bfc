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

    public static double[] Identity() => [1, 0, 0, 0, 1, 0, 0, 0, 1];

    public static double[] Transpose(ReadOnlySpan<double> m) => [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];

    /// <summary>Matrix times column vector: M v.</summary>
    public static Vec3 Times(ReadOnlySpan<double> m, Vec3 v)
        => new(m[0] * v.X + m[1] * v.Y + m[2] * v.Z,
               m[3] * v.X + m[4] * v.Y + m[5] * v.Z,
               m[6] * v.X + m[7] * v.Y + m[8] * v.Z);

    /// <summary>Adds the outer product k u v^T to <paramref name="m"/>.</summary>
    public static void AddOuter(Span<double> m, Vec3 u, Vec3 v, double k = 1)
    {
        m[0] += k * u.X * v.X; m[1] += k * u.X * v.Y; m[2] += k * u.X * v.Z;
        m[3] += k * u.Y * v.X; m[4] += k * u.Y * v.Y; m[5] += k * u.Y * v.Z;
        m[6] += k * u.Z * v.X; m[7] += k * u.Z * v.Y; m[8] += k * u.Z * v.Z;
    }

    /// <summary>The orthogonal factor Q of the polar decomposition M = Q P (P symmetric positive definite): the
    /// rotation closest to M in the least-squares sense (orthogonal Procrustes / Kabsch). Newton's iteration
    /// Q &lt;- (Q + Q^-T) / 2 converges quadratically for any non-singular M; null when M is singular or improper
    /// (det &lt;= 0, or nearly singular), since then no proper rotation fits.</summary>
    public static double[]? PolarRotation(ReadOnlySpan<double> m)
    {
        double det = Det(m), norm2 = 0;
        for (int k = 0; k < 9; k++) norm2 += m[k] * m[k];
        // Nearly singular (relative to its size) means the data do not fix a rotation: treat as no fit.
        if (!(det > 1e-9 * norm2 * Math.Sqrt(norm2)) || !double.IsFinite(det)) return null;
        // Scale to unit determinant first so the iteration starts near the orthogonal group.
        double scale = 1 / Math.Cbrt(det);
        var q = new double[9];
        for (int k = 0; k < 9; k++) q[k] = scale * m[k];
        for (int iteration = 0; iteration < 60; iteration++)
        {
            var inverseTransposed = Transpose(Inverse(q));
            double change = 0;
            for (int k = 0; k < 9; k++)
            {
                double next = 0.5 * (q[k] + inverseTransposed[k]);
                change = Math.Max(change, Math.Abs(next - q[k]));
                q[k] = next;
            }
            if (change < 1e-15) break;
        }
        return q;
    }
}
