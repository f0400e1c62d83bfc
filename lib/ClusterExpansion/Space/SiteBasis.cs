namespace Pipeline.ClusterExpansion;

/// <summary>Trigonometric site basis functions, orthonormal over the M species of a sublattice (van de Walle,
/// Calphad 33, 266 (2009); icet uses the same functions without the sqrt(2) normalisation):
/// Theta_0 = 1; for t >= 1 with k = ceil(t/2): Theta_t(sigma) = -sqrt(2) cos(2 pi k sigma / M) for odd t,
/// -sqrt(2) sin(2 pi k sigma / M) for even t, except the last function of an even M, which is -cos(pi sigma).
/// Orthonormal means (1/M) sum_sigma Theta_s(sigma) Theta_t(sigma) = delta_st.</summary>
public static class SiteBasis
{
    private static readonly double[][][] s_tables = [Build(2), Build(3)];

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

    /// <summary>Theta_t(sigma) on a rock-salt sublattice, from a precomputed table.</summary>
    public static double Value(Sublattice sublattice, int function, int sigma)
        => s_tables[sublattice == Sublattice.Cation ? 1 : 0][function][sigma];

    private static double[][] Build(int speciesCount)
    {
        int m = speciesCount == 2 ? 2 : 3;
        var table = new double[m][];
        for (int t = 0; t < m; t++)
        {
            table[t] = new double[m];
            for (int s = 0; s < m; s++) table[t][s] = Value(m, t, s);
        }
        return table;
    }
}
