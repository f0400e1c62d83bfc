using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Move set and sampling of <see cref="CanonicalMonteCarlo"/>.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Attempt swaps on the cation sublattice.</summary>
    public bool SwapCations { get; init; } = true;

    /// <summary>Attempt swaps on the anion sublattice.</summary>
    public bool SwapAnions { get; init; } = true;

    /// <summary>Species that may move; swaps only pair sites holding two of them (null: all species). With
    /// {Li, Vac} the V and anion arrangement stays frozen, the ensemble the kMC samples.</summary>
    public IReadOnlySet<Species>? MobileSpecies { get; init; }

    /// <summary>The same as <see cref="MobileSpecies"/> by species code of the model's chemistry (e.g. {0, 1} = Vac and
    /// the mobile ion, or the codes of some TM species); used instead of it when set.</summary>
    public IReadOnlySet<byte>? MobileCodes { get; init; }

    /// <summary>Sweeps run before energies are averaged.</summary>
    public int EquilibrationSweeps { get; init; }
}

/// <summary>Outcome of a canonical Monte Carlo run. Energies in eV for the whole supercell; averages over the
/// energies after each sampled sweep.</summary>
public sealed record MonteCarloResult(double InitialEnergy, double FinalEnergy, double MeanEnergy, double EnergyStd,
    double MeanEnergyPerFormulaUnit, long Attempts, long Accepted, int SampledSweeps, double[] SweepEnergies)
{
    public double AcceptanceRate => Attempts == 0 ? 0.0 : (double)Accepted / Attempts;
}
