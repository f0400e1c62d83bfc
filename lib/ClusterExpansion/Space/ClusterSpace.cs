using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>One correlation function: an orbit and one of its decoration classes.</summary>
public sealed record CorrelationFunction(int Index, int OrbitIndex, int DecorationIndex, string Label);

/// <summary>The cluster space of the two-sublattice rock salt: orbits (points, pairs, triplets, ...) and their
/// correlation functions, in a fixed order that the ECI vector follows. The empty cluster is not part of it: its
/// ECI is the model's constant term.</summary>
public sealed class ClusterSpace
{
    private ClusterSpace(IReadOnlyList<double> cutoffs, IReadOnlyList<Orbit> orbits, Chemistry chemistry)
    {
        Chemistry = chemistry;
        SpeciesCounts = SpeciesCounts.Of(chemistry);
        Cutoffs = cutoffs.ToArray();
        Orbits = orbits;
        var functions = new List<CorrelationFunction>();
        for (int o = 0; o < orbits.Count; o++)
            for (int d = 0; d < orbits[o].Decorations.Count; d++)
                functions.Add(new CorrelationFunction(functions.Count, o, d,
                    $"{o}:{orbits[o].SublatticeLabel}:{orbits[o].Diameter:0.###}a:{orbits[o].Decorations[d].Label}"));
        Functions = functions;
        Padding = orbits.SelectMany(o => o.Images).SelectMany(c => c)
            .Max(p => Math.Max(Math.Abs(p.X), Math.Max(Math.Abs(p.Y), Math.Abs(p.Z))));
    }

    /// <summary>Largest site distance per cluster size (pairs first), in units of the lattice constant a.</summary>
    public IReadOnlyList<double> Cutoffs { get; }

    public IReadOnlyList<Orbit> Orbits { get; }

    public IReadOnlyList<CorrelationFunction> Functions { get; }

    /// <summary>Largest |coordinate| (units of a/2) of any orbit image point relative to the cation origin.</summary>
    public int Padding { get; }

    /// <summary>The species of each sublattice (site variables sigma = species code on cations, code minus
    /// <see cref="Chemistry.FirstAnion"/> on anions): cations [Vac, mobile ion, other cations...], anions [host, ...].</summary>
    public Chemistry Chemistry { get; }

    /// <summary>Species per sublattice of <see cref="Chemistry"/> and the radix of cluster codes.</summary>
    public SpeciesCounts SpeciesCounts { get; }

    /// <summary>The cluster space of Li-V-O-F (3 cation, 2 anion species).</summary>
    /// <param name="cutoffs">Units of a, per cluster size starting with pairs.</param>
    public static ClusterSpace Generate(IReadOnlyList<double> cutoffs) => Generate(cutoffs, Chemistry.LiVOF);

    /// <summary>The cluster space of any rock-salt chemistry: the orbits depend only on the cutoffs, the
    /// decorations (correlation functions) on the species per sublattice.</summary>
    public static ClusterSpace Generate(IReadOnlyList<double> cutoffs, Chemistry chemistry)
        => new(cutoffs, ClusterEnumerator.Enumerate(cutoffs, SpeciesCounts.Of(chemistry)), chemistry);

    /// <summary>Rebuilds a cluster space from stored representative clusters (e.g. from eci.json), keeping their
    /// order. Each representative must be the canonical one of its orbit and orbits must not repeat.</summary>
    public static ClusterSpace FromRepresentatives(IReadOnlyList<double> cutoffs, IReadOnlyList<IReadOnlyList<Int3>> representatives)
        => FromRepresentatives(cutoffs, representatives, Chemistry.LiVOF);

    public static ClusterSpace FromRepresentatives(IReadOnlyList<double> cutoffs, IReadOnlyList<IReadOnlyList<Int3>> representatives,
        Chemistry chemistry)
    {
        var species = SpeciesCounts.Of(chemistry);
        var orbits = new List<Orbit>();
        var keys = new HashSet<string>();
        for (int i = 0; i < representatives.Count; i++)
        {
            var given = representatives[i].ToArray();
            var orbit = OrbitFactory.FromCluster(given, species);
            if (!keys.Add(ClusterGeometry.SetKey(orbit.Representative.ToArray())))
                throw new ArgumentException($"orbit {i} repeats an earlier orbit ({orbit})");
            if (ClusterGeometry.CompareSequences(orbit.Representative, given) != 0)
                throw new ArgumentException($"orbit {i}: [{string.Join(" ", given)}] is not the canonical representative " +
                                            $"[{string.Join(" ", orbit.Representative)}]");
            orbits.Add(orbit);
        }
        return new ClusterSpace(cutoffs, orbits, chemistry);
    }
}
