using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Builds the orbit of a cluster under Fm-3m: its images under the 48 point operations (translations are
/// factored out by normalisation), the site permutations of its stabilizer, and its decoration classes (which
/// depend on the number of species per sublattice; Li-V-O-F without a <see cref="SpeciesCounts"/>).</summary>
public static class OrbitFactory
{
    public static Orbit FromCluster(ReadOnlySpan<Int3> cluster) => FromCluster(cluster, SpeciesCounts.LiVOF);

    public static Orbit FromCluster(ReadOnlySpan<Int3> cluster, SpeciesCounts species)
    {
        if (cluster.Length == 0) throw new ArgumentException("a cluster needs at least one site");
        if (ClusterGeometry.SetKey(cluster).Split(';').Distinct().Count() != cluster.Length)
            throw new ArgumentException($"cluster [{string.Join(" ", cluster.ToArray())}] repeats a site");

        var representative = SmallestImage(cluster);
        string representativeKey = ClusterGeometry.SetKey(representative);
        var imageKeys = new HashSet<string>();
        var images = new List<Int3[]>();
        var permutations = new List<int[]>();
        var permutationKeys = new HashSet<string>();
        var mapped = new Int3[representative.Length];
        for (int op = 0; op < PointGroup.Count; op++)
        {
            for (int i = 0; i < mapped.Length; i++) mapped[i] = PointGroup.Apply(op, representative[i]);
            var image = ClusterGeometry.Normalize(mapped);
            string key = ClusterGeometry.SetKey(image);
            if (imageKeys.Add(key)) images.Add(image);
            if (key != representativeKey) continue;
            var permutation = image.Select(p => Array.IndexOf(representative, p)).ToArray();
            if (permutationKeys.Add(string.Join(",", permutation))) permutations.Add(permutation);
        }
        var sublattices = representative.Select(Sublattices.Of).ToArray();
        return new Orbit(representative, images.ToArray(), permutations.ToArray(),
            DecorationClasses(sublattices, permutations, species), species);
    }

    /// <summary>The lexicographically smallest normalised, sorted image: a representative that does not depend on
    /// which member of the orbit we started from.</summary>
    private static Int3[] SmallestImage(ReadOnlySpan<Int3> cluster)
    {
        Int3[]? best = null;
        var mapped = new Int3[cluster.Length];
        for (int op = 0; op < PointGroup.Count; op++)
        {
            for (int i = 0; i < mapped.Length; i++) mapped[i] = PointGroup.Apply(op, cluster[i]);
            var image = ClusterGeometry.Normalize(mapped);
            Array.Sort(image, ClusterGeometry.Compare);
            if (best is null || ClusterGeometry.CompareSequences(image, best) < 0) best = image;
        }
        return best!;
    }

    /// <summary>Groups every assignment of basis functions t >= 1 to the sites into classes of assignments that a
    /// stabilizer permutation maps onto each other.</summary>
    private static DecorationClass[] DecorationClasses(Sublattice[] sublattices, List<int[]> permutations, SpeciesCounts species)
    {
        int n = sublattices.Length;
        var all = new List<int[]> { new int[n] };
        for (int i = 0; i < n; i++)
        {
            int functions = species[sublattices[i]] - 1;
            all = all.SelectMany(prefix => Enumerable.Range(1, functions).Select(t =>
            {
                var next = (int[])prefix.Clone();
                next[i] = t;
                return next;
            })).ToList();
        }
        var assigned = new HashSet<string>();
        var classes = new List<DecorationClass>();
        foreach (var d in all)
        {
            if (assigned.Contains(Key(d))) continue;
            var members = new Dictionary<string, int[]>();
            foreach (var p in permutations)
            {
                // Site i carries function d[i]; the permuted cluster puts site i's role on site p[i].
                var e = new int[n];
                for (int i = 0; i < n; i++) e[p[i]] = d[i];
                members.TryAdd(Key(e), e);
            }
            foreach (var key in members.Keys) assigned.Add(key);
            var sorted = members.Values.OrderBy(Key, StringComparer.Ordinal).ToArray();
            classes.Add(new DecorationClass(sorted[0], sorted));
        }
        return classes.OrderBy(c => Key(c.Functions), StringComparer.Ordinal).ToArray();
    }

    private static string Key(int[] d) => string.Join(",", d);
}
