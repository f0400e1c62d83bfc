namespace Pipeline.ClusterExpansion;

/// <summary>Trigonometric site basis functions, orthonormal over the M species of a sublattice for any M >= 1 (van de
/// Walle, Calphad 33, 266 (2009); icet uses the same functions without the sqrt(2) normalisation):
/// Theta_0 = 1; for t >= 1 with k = ceil(t/2): Theta_t(sigma) = -sqrt(2) cos(2 pi k sigma / M) for odd t,
/// -sqrt(2) sin(2 pi k sigma / M) for even t, except the last function of an even M, which is -cos(pi sigma).
/// Orthonormal means (1/M) sum_sigma Theta_s(sigma) Theta_t(sigma) = delta_st.</summary>
public static class SiteBasis
{
    /// <summary>Largest M with a precomputed table (a sublattice of the rock salt holds at most 255 species codes).</summary>
    private const int MaxTabulated = 255;

    private static readonly double[][]?[] s_tables = new double[][]?[MaxTabulated + 1];

    /// <summary>Theta_t(sigma) for a sublattice with <paramref name="speciesCount"/> species (t = 0 is the constant).</summary>
    public static double Value(int speciesCount, int function, int sigma)
    {
        if (function == 0) return 1.0;
        if (speciesCount % 2 == 0 && function == speciesCount - 1)
            return -Math.Cos(Math.PI * sigma);
        int k = (function + 1) / 2;
        double angle = 2.0 * Math.PI * k * sigma / speciesCount;
        return function % 2 == 1 ? -Math.Sqrt(2.0) * Math.Cos(angle) : -Math.Sqrt(2.0) * Math.Sin(angle);
    }

    /// <summary>Theta_t(sigma) on a Li-V-O-F sublattice (3 cation, 2 anion species), from a precomputed table.</summary>
    public static double Value(Sublattice sublattice, int function, int sigma)
        => Table(Sublattices.SpeciesCount(sublattice))[function][sigma];

    /// <summary>table[t][sigma] = Theta_t(sigma) for M species (built once per M; the values of <see cref="Value(int, int, int)"/>).</summary>
    public static double[][] Table(int speciesCount)
    {
        if (speciesCount is < 1 or > MaxTabulated)
            throw new ArgumentOutOfRangeException(nameof(speciesCount), speciesCount, $"a sublattice holds 1..{MaxTabulated} species");
        return Volatile.Read(ref s_tables[speciesCount]) is { } cached ? cached : Build(speciesCount);
    }

    private static double[][] Build(int m)
    {
        var table = new double[m][];
        for (int t = 0; t < m; t++)
        {
            table[t] = new double[m];
            for (int s = 0; s < m; s++) table[t][s] = Value(m, t, s);
        }
        Volatile.Write(ref s_tables[m], table);
        return table;
    }
}
