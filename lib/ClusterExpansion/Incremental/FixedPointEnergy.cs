namespace Pipeline.ClusterExpansion;

/// <summary>Energies as int64 multiples of <see cref="Quantum"/> = 2^-48 eV. Each delta-pool entry is rounded once
/// (to nearest, ties to even: round(-x) = -round(x), so reversed transitions stay exact negatives); afterwards only
/// integer additions follow, which are associative: any order or sequence of updates yields the same bits.
/// A sum of n rounded entries differs from the exact double sum by at most n x 2^-49 eV (about 1e-12 eV for
/// n = 500). Magnitudes must stay below 2^14 eV so that sums never approach the int64 range (2^63 quanta =
/// 2^15 eV).</summary>
internal static class FixedPointEnergy
{
    public const int FractionBits = 48;

    public const double Quantum = 1.0 / (1L << FractionBits);

    /// <summary>Largest |flip energy| (eV) the int64 representation is allowed to reach.</summary>
    public const double MaxMagnitude = 1L << 14;

    public static long ToFixed(double electronvolts)
        => (long)Math.Round(electronvolts * (1L << FractionBits), MidpointRounding.ToEven);

    public static double ToElectronvolts(long quanta) => quanta * Quantum;
}
