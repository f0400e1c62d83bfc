using Pipeline.Kmc.Lattice;

namespace Pipeline.Kmc.Barriers;

/// <summary>Configurational energy model seen by the kMC: the energy change of a hop and its interaction range.
/// Implemented over the cluster expansion (CeEvaluator); tests use a pair model (tests/Pipeline.Kmc.TestSupport).</summary>
public interface IHopEnergy
{
    /// <summary>Energy change (eV) of moving the cation on <paramref name="from"/> to the vacant cation site
    /// <paramref name="to"/>. Hot loop: no allocation; antisymmetric under the reverse move (to rounding, ~1e-15 eV,
    /// where a model combines cached terms).</summary>
    double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to);

    /// <summary><see cref="HopDelta(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, int)"/> of a nearest-neighbour hop
    /// along <paramref name="direction"/> (<paramref name="to"/> = <paramref name="from"/> + NN vector), for models that
    /// can use the direction.</summary>
    double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int direction, int to)
        => HopDelta(cations, anions, from, to);

    /// <summary>Total energy (eV) of a configuration (for observables and tests, not the hot loop).</summary>
    double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions);

    /// <summary>Squared distance (units (a/2)^2) within which a cation's species can change the energy of the clusters
    /// containing a given site: the largest cluster diameter. The hop's dE depends on cations within it of I or F.</summary>
    double InteractionRadiusSquared { get; }

    /// <summary>The kMC's lattice is (re)starting from the configuration it shows: a model that caches per-site terms
    /// of that lattice builds them here and may use them for calls on its live configuration from now on.</summary>
    void Rebuild(KmcLattice lattice) { }

    /// <summary>The Li on <paramref name="from"/> of the lattice passed to <see cref="Rebuild"/> moved along
    /// <paramref name="direction"/> to <paramref name="to"/>: refresh the cached terms the two changed sites affect.</summary>
    void AfterHop(KmcLattice lattice, int from, int direction, int to) { }
}
