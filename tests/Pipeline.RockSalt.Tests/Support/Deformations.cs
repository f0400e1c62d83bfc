namespace Pipeline.RockSalt.Tests.Support;

/// <summary>Seeded random orientations and strains as row-vector deformations for <see cref="StructureFactory"/>
/// (x' = x M): the cell a user's tool may write, rotated away from the cubic axes and relaxed a few per cent.</summary>
public static class Deformations
{
    /// <summary>A uniformly random proper rotation (Shoemake's unit quaternion), as a row-vector map.</summary>
    public static double[] RandomRotation(Random rng)
    {
        double u1 = rng.NextDouble(), u2 = 2 * Math.PI * rng.NextDouble(), u3 = 2 * Math.PI * rng.NextDouble();
        double w = Math.Sqrt(1 - u1) * Math.Sin(u2), x = Math.Sqrt(1 - u1) * Math.Cos(u2);
        double y = Math.Sqrt(u1) * Math.Sin(u3), z = Math.Sqrt(u1) * Math.Cos(u3);
        // Column rotation R from the quaternion; the row-vector map is R^T.
        double[] r =
        [
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
        ];
        return [r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]];
    }

    /// <summary>I + e with e symmetric and every component uniform in [-max, max]: non-uniform relaxation that also
    /// makes the cell non-cubic.</summary>
    public static double[] RandomStrain(Random rng, double max)
    {
        var e = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = i; j < 3; j++)
                e[3 * i + j] = e[3 * j + i] = max * (2 * rng.NextDouble() - 1);
        for (int i = 0; i < 3; i++) e[4 * i] += 1;
        return e;
    }

    /// <summary>First <paramref name="first"/>, then <paramref name="second"/> (row-vector maps: x first second).</summary>
    public static double[] Then(double[] first, double[] second)
    {
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++)
                    r[3 * i + j] += first[3 * i + k] * second[3 * k + j];
        return r;
    }

    /// <summary>Rotation angle (degrees) of a row-vector rotation map.</summary>
    public static double Angle(double[] rotation)
        => Math.Acos(Math.Clamp((rotation[0] + rotation[4] + rotation[8] - 1) / 2, -1, 1)) * 180 / Math.PI;
}
