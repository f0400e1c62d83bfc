namespace Pipeline.Kmc;

/// <summary>Physical constants (DOMAIN.md units: eV, Angstrom, K, s).</summary>
public static class Units
{
    /// <summary>k_B in eV/K.</summary>
    public const double Boltzmann = 8.617333262e-5;

    /// <summary>k_B in J/K.</summary>
    public const double BoltzmannJoule = 1.380649e-23;

    /// <summary>Elementary charge in C.</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>1 Angstrom^2/s in cm^2/s.</summary>
    public const double SquareAngstromToSquareCm = 1e-16;
}
