using System.Globalization;

namespace Pipeline.RockSalt;

/// <summary>Finds the ideal rock-salt supercell behind a relaxed cell: the lattice constant from the volume and the
/// anion count (anion sites are never vacant; 4 per a^3), and the translations as the cell vectors in units of a/2
/// rounded to fcc lattice vectors.
/// <para>A cell already along the cubic axes is matched directly, exactly as before any orientation was supported.
/// Otherwise the cubic frame is found from the anion neighbour vectors (<see cref="CubicFrame"/>) and the cell
/// vectors are rounded in that frame, with the fitted homogeneous strain taken out first.</para></summary>
internal static class CellMatcher
{
    /// <summary>Largest distance (units of a/2) of a cell vector component from an integer that still rounds.</summary>
    private const double MaxRoundingResidual = 0.25;

    /// <summary>Largest rotation (radians, antisymmetric part of the deformation) left after the cubic frame: about
    /// 1.1 degrees. More means the translations do not belong to the frame.</summary>
    private const double MaxRotation = 0.02;

    /// <summary>Largest homogeneous strain (symmetric part of the deformation minus identity) accepted.</summary>
    private const double MaxStrain = 0.10;

    /// <summary>Translations (units of a/2) and the lattice constant of a cell in any orientation.</summary>
    public static (Int3 T1, Int3 T2, Int3 T3, double A) Match(ReadOnlySpan<double> lattice, bool[] isAnion,
        ReadOnlySpan<double> frac, string source)
    {
        int anionCount = isAnion.Count(b => b);
        double a = LatticeConstant(lattice, anionCount, source);

        // Already along the cubic axes: the original path, so aligned cells map bit for bit as they always did.
        string? aligned = TryTranslations(lattice, lattice, a, anionCount, out var t);
        if (aligned is null) return (t[0], t[1], t[2], a);

        var frame = CubicFrame.Find(lattice, isAnion, frac, a, source);
        string? rotated = TryTranslations(frame.Undeform(lattice), frame.Rotate(lattice), a, anionCount, out t);
        if (rotated is null) return (t[0], t[1], t[2], a);
        throw new StructureMappingException(source, $"{rotated} (cell taken in the cubic frame of the anion " +
            $"neighbour vectors, {F(frame.AngleFromAxes)} degrees from the Cartesian axes)");
    }

    private static double LatticeConstant(ReadOnlySpan<double> lattice, int anionCount, string source)
    {
        double volume = Math.Abs(Mat3.Det(lattice));
        if (!(volume > 0) || !double.IsFinite(volume))
            throw new StructureMappingException(source, "the cell vectors are degenerate (zero or non-finite volume)");
        if (anionCount == 0)
            throw new StructureMappingException(source, "the structure has no anions (O or F), so no rock-salt lattice can be fitted");
        return Math.Cbrt(4 * volume / anionCount);
    }

    /// <summary>Rounds the cell vectors (rows of <paramref name="rounded"/>, Angstrom, in a frame along the cubic axes)
    /// to fcc translations and checks them; <paramref name="inFrame"/> is the cell in that frame with its strain, for
    /// the deformation check. Returns why the translations fail, or null.</summary>
    private static string? TryTranslations(ReadOnlySpan<double> rounded, ReadOnlySpan<double> inFrame, double a,
        int anionCount, out Int3[] t)
    {
        double half = a / 2;
        t = new Int3[3];
        for (int r = 0; r < 3; r++)
        {
            var scaled = (1 / half) * Mat3.Row(rounded, r);
            var nearest = scaled.Round();
            double residual = Math.Max(Math.Abs(scaled.X - nearest.X), Math.Max(Math.Abs(scaled.Y - nearest.Y), Math.Abs(scaled.Z - nearest.Z)));
            if (residual > MaxRoundingResidual)
                return $"cell vector a{r + 1} is {scaled} in units of a/2 = {F(half)} A " +
                    $"(a = {F(a)} A from the volume and {anionCount} anions), not close to an fcc lattice vector " +
                    "(are anions missing?)";
            if (!nearest.IsCationSite)
                return $"cell vector a{r + 1} is {scaled} in units of a/2, which rounds to {nearest}: not an fcc " +
                    "translation (odd coordinate sum)";
            t[r] = nearest;
        }

        var translations = Mat3.FromRows(t[0], t[1], t[2]);
        long sites = (long)Math.Round(Math.Abs(Mat3.Det(translations)));
        if (sites == 0)
            return $"cell vectors round to linearly dependent fcc vectors {t[0]}, {t[1]}, {t[2]}";
        if (sites != 2L * anionCount)
            return $"the cell vectors round to fcc vectors {t[0]}, {t[1]}, {t[2]} " +
                $"(units of a/2) holding {sites / 2} anion sites, but the structure has {anionCount} anions; anion sites " +
                "are never vacant, so anions are missing or extra";
        return CheckDeformation(inFrame, translations, half);
    }

    /// <summary>The deformation D = T^-1 L / (a/2) maps the ideal cell onto the actual one. Its antisymmetric part is
    /// a rotation left over (the translations do not belong to this frame), its symmetric part a strain.</summary>
    private static string? CheckDeformation(ReadOnlySpan<double> lattice, double[] translations, double half)
    {
        var d = Mat3.Multiply(Mat3.Inverse(translations), lattice);
        double rotation = 0, strain = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double dij = d[i * 3 + j] / half, dji = d[j * 3 + i] / half;
                rotation = Math.Max(rotation, Math.Abs(dij - dji) / 2);
                strain = Math.Max(strain, Math.Abs((dij + dji) / 2 - (i == j ? 1 : 0)));
            }
        if (rotation > MaxRotation)
            return $"the cell is rotated by about {F(rotation * 180 / Math.PI)} degrees relative to the cubic axes " +
                "the cell vectors round to";
        if (strain > MaxStrain)
            return $"the cell is strained by {F(strain * 100)}% from the cubic rock salt (at most {MaxStrain * 100:F0}% is accepted)";
        return null;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
