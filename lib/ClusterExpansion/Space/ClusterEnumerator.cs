using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Enumerates the orbits of the rock-salt cluster space: the two point orbits, then for each cluster size
/// n >= 2 every cluster whose sites are pairwise at most cutoffs[n-2] apart, within and across sublattices.</summary>
public static class ClusterEnumerator
{
    /// <param name="cutoffs">Largest site distance per cluster size, in units of the lattice constant a:
    /// [pairs, triplets, quadruplets, ...]; 0 disables a size.</param>
    public static List<Orbit> Enumerate(IReadOnlyList<double> cutoffs) => Enumerate(cutoffs, SpeciesCounts.LiVOF);

    /// <param name="cutoffs">As above.</param>
    /// <param name="species">Species per sublattice: sets the decorations, not the orbits.</param>
    public static List<Orbit> Enumerate(IReadOnlyList<double> cutoffs, SpeciesCounts species)
    {
        var orbits = new List<Orbit>
        {
            OrbitFactory.FromCluster([ClusterGeometry.CationOrigin], species),
            OrbitFactory.FromCluster([ClusterGeometry.AnionOrigin], species),
        };
        var seen = new HashSet<string>();
        for (int size = 2; size <= cutoffs.Count + 1; size++)
        {
            double cutoff = cutoffs[size - 2];
            if (!(cutoff >= 0) || double.IsInfinity(cutoff))
                throw new ArgumentOutOfRangeException(nameof(cutoffs), $"cutoff for {size}-site clusters is {cutoff}");
            int maxSquared = (int)Math.Floor(4 * cutoff * cutoff + 1e-9);
            if (maxSquared == 0) continue;
            foreach (var anchor in new[] { ClusterGeometry.CationOrigin, ClusterGeometry.AnionOrigin })
            {
                var candidates = Candidates(anchor, maxSquared);
                var chosen = new Int3[size];
                chosen[0] = anchor;
                Extend(chosen, 1, 0, candidates, maxSquared, cluster =>
                {
                    if (seen.Contains(ClusterGeometry.SetKey(cluster))) return;
                    var orbit = OrbitFactory.FromCluster(cluster, species);
                    foreach (var image in orbit.Images) seen.Add(ClusterGeometry.SetKey(image));
                    orbits.Add(orbit);
                });
            }
        }
        return Sort(orbits);
    }

    /// <summary>Orders orbits by size, diameter, cation sites first, then representative.</summary>
    public static List<Orbit> Sort(IEnumerable<Orbit> orbits)
        => orbits.OrderBy(o => o.Order)
            .ThenBy(o => o.DiameterSquared)
            .ThenByDescending(o => o.SiteSublattices.Count(s => s == Sublattice.Cation))
            .ThenBy(o => o, Comparer<Orbit>.Create((a, b) => ClusterGeometry.CompareSequences(a.Representative, b.Representative)))
            .ToList();

    /// <summary>Lattice points after the anchor (lexicographically) within the cutoff of it: the anchor is then the
    /// smallest point of each cluster, so each translation class is met once per anchor.</summary>
    private static Int3[] Candidates(Int3 anchor, int maxSquared)
    {
        int r = (int)Math.Floor(Math.Sqrt(maxSquared));
        var list = new List<Int3>();
        for (int x = -r; x <= r; x++)
            for (int y = -r; y <= r; y++)
                for (int z = -r; z <= r; z++)
                {
                    var d = new Int3(x, y, z);
                    var q = anchor + d;
                    if (d.Dot(d) <= maxSquared && ClusterGeometry.Compare(q, anchor) > 0) list.Add(q);
                }
        list.Sort(ClusterGeometry.Compare);
        return list.ToArray();
    }

    private static void Extend(Int3[] chosen, int filled, int start, Int3[] candidates, int maxSquared, Action<Int3[]> visit)
    {
        if (filled == chosen.Length)
        {
            visit(chosen);
            return;
        }
        for (int c = start; c < candidates.Length; c++)
        {
            var q = candidates[c];
            bool fits = true;
            for (int i = 0; i < filled && fits; i++)
            {
                var d = q - chosen[i];
                fits = d.Dot(d) <= maxSquared;
            }
            if (!fits) continue;
            chosen[filled] = q;
            Extend(chosen, filled + 1, c + 1, candidates, maxSquared, visit);
        }
    }
}
