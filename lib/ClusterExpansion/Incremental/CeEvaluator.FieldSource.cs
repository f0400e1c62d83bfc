namespace Pipeline.ClusterExpansion;

/// <summary>Read-only access to the evaluator's precomputed neighbourhood data for <see cref="FlipEnergyField"/>,
/// which builds its fixed-point tables from the same clusters, site lookup and index modes.</summary>
public sealed partial class CeEvaluator
{
    internal SiteLookup Lookup => _lookup;

    internal SiteEnvironment CationEnvironment => _cation;

    /// <summary>The orbits with a non-zero ECI and their per-code cluster energies, in pool order.</summary>
    internal IReadOnlyList<(Orbit Orbit, double[] Energies)> ActiveClusters
        => _activeOrbits.Select((orbit, k) => (orbit, _activeEnergies[k])).ToArray();
}
