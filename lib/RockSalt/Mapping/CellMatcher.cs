using System.Globalization;

namespace Pipeline.RockSalt;

/// <summary>Finds the ideal rock-salt supercell behind a relaxed cell: the lattice constant from the volume and the
/// anion count (anion sites are never vacant; 4 per a^3), and the translations as the cell vectors in units of a/2
/// rounded to fcc lattice vectors. Assumes Cartesian axes along the cubic axes; a rotated cell is reported.</summary>
internal static class CellMatcher
{
    /// <summary>Largest distance (units of a/2) of a cell vector component from an integer that still rounds.</summary>
    private const double MaxRoundingResidual = 0.25;

    /// <summary>Largest rotation (radians, antisymmetric part of the deformation) accepted: about 1.1 degrees.</summary>
    private const double MaxRotation = 0.02;

    /// <summary>Largest homogeneous strain (symmetric part of the deformation minus identity) accepted.</summary>
    private const double MaxStrain = 0.10;

    private const string AxesHint =
        "Structure mapping assumes Cartesian axes along the cubic axes of the rock salt: is the cell rotated?";

    public static (Int3 T1, Int3 T2, Int3 T3, double A) Match(ReadOnlySpan<double> lattice, int anionCount, string source)
    {
        double volume = Math.Abs(Mat3.Det(lattice));
        if (!(volume > 0) || !double.IsFinite(volume))
            throw new StructureMappingException(source, "the cell vectors are degenerate (zero or non-finite volume)");
        if (anionCount == 0)
            throw new StructureMappingException(source, "the structure has no anions (O or F), so no rock-salt lattice can be fitted");
        double a = Math.Cbrt(4 * volume / anionCount);
        double half = a / 2;

        var t = new Int3[3];
        for (int r = 0; r < 3; r++)
        {
            var scaled = (1 / half) * Mat3.Row(lattice, r);
            var rounded = scaled.Round();
            double residual = Math.Max(Math.Abs(scaled.X - rounded.X), Math.Max(Math.Abs(scaled.Y - rounded.Y), Math.Abs(scaled.Z - rounded.Z)));
            if (residual > MaxRoundingResidual)
                throw new StructureMappingException(source, $"cell vector a{r + 1} is {scaled} in units of a/2 = {F(half)} A " +
                    $"(a = {F(a)} A from the volume and {anionCount} anions), not close to an fcc lattice vector " +
                    $"(are anions missing?). {AxesHint}");
            if (!rounded.IsCationSite)
                throw new StructureMappingException(source, $"cell vector a{r + 1} is {scaled} in units of a/2, which rounds to " +
                    $"{rounded}: not an fcc translation (odd coordinate sum). {AxesHint}");
            t[r] = rounded;
        }

        var translations = Mat3.FromRows(t[0], t[1], t[2]);
        long sites = (long)Math.Round(Math.Abs(Mat3.Det(translations)));
        if (sites == 0)
            throw new StructureMappingException(source, $"cell vectors round to linearly dependent fcc vectors {t[0]}, {t[1]}, {t[2]}");
        if (sites != 2L * anionCount)
            throw new StructureMappingException(source, $"the cell vectors round to fcc vectors {t[0]}, {t[1]}, {t[2]} " +
                $"(units of a/2) holding {sites / 2} anion sites, but the structure has {anionCount} anions; anion sites " +
                $"are never vacant, so anions are missing or extra. {AxesHint}");

        CheckDeformation(lattice, translations, half, source);
        return (t[0], t[1], t[2], a);
    }

    /// <summary>The deformation D = T^-1 L / (a/2) maps the ideal cell onto the actual one. Its antisymmetric part is
    /// a rotation (not supported: the translations were found assuming cubic axes), its symmetric part a strain.</summary>
    private static void CheckDeformation(ReadOnlySpan<double> lattice, double[] translations, double half, string source)
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
            throw new StructureMappingException(source, $"the cell is rotated by about {F(rotation * 180 / Math.PI)} degrees " +
                "relative to the cubic axes of the rock salt; structure mapping assumes Cartesian axes along the cubic axes");
        if (strain > MaxStrain)
            throw new StructureMappingException(source, $"the cell is strained by {F(strain * 100)}% from the cubic rock salt " +
                $"(at most {MaxStrain * 100:F0}% is accepted)");
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
