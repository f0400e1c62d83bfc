namespace Pipeline.Transport;

/// <summary>The transport coefficients both the kMC and the MD analysis report, from mean-squared displacements
/// (DOMAIN.md section 7), in d dimensions with N mobile ions of charge q e:
/// <list type="bullet">
/// <item>tracer (self) D* = &lt;sum_i |dr_i(t)|^2&gt; / (2 d t N);</item>
/// <item>collective (charge, "jump") D_sigma = &lt;|sum_i dr_i(t)|^2&gt; / (2 d t N) = D* + D_distinct, where the
/// distinct part carries the cross terms sum_{i != j} dr_i . dr_j;</item>
/// <item>Haven ratio H_R = D* / D_sigma;</item>
/// <item>Nernst-Einstein conductivity sigma = n q^2 e^2 D_sigma / (k_B T), n = N / V.</item>
/// </list>
/// The correlation factor f = D* / D_random-walk needs a jump count and length, so only lattice models (the kMC)
/// have it.</summary>
public static class TransportCoefficients
{
    /// <summary>D = sum of squared displacements / (2 d t N), in (length unit)^2 / (time unit). The
    /// multiplication order is fixed: the kMC's outputs are bit-for-bit the ones it had before this class.</summary>
    public static double Diffusivity(double sumOfSquares, double time, int ions, int dimensions = 3)
        => sumOfSquares / (2.0 * dimensions * time * ions);

    /// <summary>D from the slope of a per-ion MSD against time: slope / (2 d).</summary>
    public static double DiffusivityFromSlope(double msdSlope, int dimensions = 3) => msdSlope / (2.0 * dimensions);

    /// <summary>H_R = D* / D_sigma; NaN when D_sigma is not positive.</summary>
    public static double HavenRatio(double tracer, double collective) => collective > 0 ? tracer / collective : double.NaN;

    /// <summary>Nernst-Einstein conductivity in S/cm from D_sigma in Angstrom^2/s, N ions in a volume in
    /// Angstrom^3, T in K and the ion charge in units of e.</summary>
    public static double NernstEinsteinConductivity(double collectiveSquareAngstromPerSecond, int ions, double volume,
        double temperature, double charge = 1.0)
    {
        double density = ions / volume * 1e30; // m^-3
        double q = charge * TransportUnits.ElementaryCharge;
        double sigmaSiPerMetre = density * q * q * (collectiveSquareAngstromPerSecond * 1e-20)
            / (TransportUnits.BoltzmannJoule * temperature);
        return sigmaSiPerMetre / 100.0;
    }

    /// <summary>f = sum |dr_i|^2 / (jumps * lambda^2) for a lattice model whose every jump has length lambda.</summary>
    public static double CorrelationFactor(double sumOfSquares, long jumps, double jumpLengthSquared)
        => jumps == 0 ? double.NaN : sumOfSquares / (jumps * jumpLengthSquared);
}
