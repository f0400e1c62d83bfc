namespace Pipeline.Kmc.Barriers;

/// <summary>Configurational energy model seen by the kMC: the energy change of a hop and its interaction range.
/// Implemented over the cluster expansion (CeEvaluator) and, for tests, by <see cref="PairHopEnergy"/>.</summary>
public interface IHopEnergy
{
    /// <summary>Energy change (eV) of moving the cation on <paramref name="from"/> to the vacant cation site
    /// <paramref name="to"/>. Hot loop: no allocation; exactly antisymmetric under the reverse move.</summary>
    double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to);

    /// <summary>Total energy (eV) of a configuration (for observables and tests, not the hot loop).</summary>
    double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions);

    /// <summary>Squared distance (units (a/2)^2) within which a cation's species can change the energy of the clusters
    /// containing a given site: the largest cluster diameter. The hop's dE depends on cations within it of I or F.</summary>
    double InteractionRadiusSquared { get; }
}
