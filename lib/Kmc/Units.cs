using Pipeline.Transport;

namespace Pipeline.Kmc;

/// <summary>Physical constants (DOMAIN.md units: eV, Angstrom, K, s): the kMC's names for the one set of constants
/// in <see cref="TransportUnits"/>.</summary>
public static class Units
{
    /// <summary>k_B in eV/K.</summary>
    public const double Boltzmann = TransportUnits.Boltzmann;

    /// <summary>k_B in J/K.</summary>
    public const double BoltzmannJoule = TransportUnits.BoltzmannJoule;

    /// <summary>Elementary charge in C.</summary>
    public const double ElementaryCharge = TransportUnits.ElementaryCharge;

    /// <summary>1 Angstrom^2/s in cm^2/s.</summary>
    public const double SquareAngstromToSquareCm = TransportUnits.SquareAngstromToSquareCm;
}
