namespace Pipeline.Transport;

/// <summary>Physical constants and unit conversions of the transport observables (eV, Angstrom, K, s; CODATA 2018
/// exact SI values where they are exact).</summary>
public static class TransportUnits
{
    /// <summary>k_B in eV/K.</summary>
    public const double Boltzmann = 8.617333262e-5;

    /// <summary>k_B in J/K.</summary>
    public const double BoltzmannJoule = 1.380649e-23;

    /// <summary>Elementary charge in C.</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>1 Angstrom^2/s in cm^2/s.</summary>
    public const double SquareAngstromToSquareCm = 1e-16;

    /// <summary>1 Angstrom^2/ps in cm^2/s.</summary>
    public const double SquareAngstromPerPsToSquareCmPerS = 1e-4;
}
