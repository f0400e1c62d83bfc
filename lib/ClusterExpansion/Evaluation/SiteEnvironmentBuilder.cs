using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Builds the <see cref="SiteEnvironment"/> of a sublattice from the active orbits (those with a
/// non-zero ECI) and checks that the supercell is large enough: no cluster may contain the same site twice
/// through periodic images, otherwise a local change would not match a full evaluation.</summary>
internal static class SiteEnvironmentBuilder
{
    private sealed record Template(int Table, int[] Slots);

    public static SiteEnvironment Build(Sublattice sublattice, IReadOnlyList<(Orbit Orbit, double[] Energies)> active,
        SiteLookup lookup, NeighborIndexing indexing, SpeciesCounts species)
    {
        int transitions = species.Transitions;
        var pool = new List<double>();
        var blocks = new Dictionary<(int Orbit, int Position), int>();
        var raw = new List<(int Table, Int3[] OtherOffsets)>();
        for (int a = 0; a < active.Count; a++)
        {
            var (orbit, energies) = active[a];
            foreach (var image in orbit.Images)
                for (int j = 0; j < image.Length; j++)
                {
                    if (Sublattices.Of(image[j]) != sublattice) continue;
                    if (!blocks.TryGetValue((a, j), out int table))
                    {
                        table = pool.Count;
                        pool.AddRange(DeltaBlock(orbit, energies, j));
                        blocks.Add((a, j), table);
                    }
                    var others = new List<Int3>();
                    for (int l = 0; l < image.Length; l++)
                        if (l != j) others.Add(image[l] - image[j]);
                    raw.Add((table, others.ToArray()));
                }
        }

        // Slots: distinct offsets, same sublattice first, each group in lexicographic order.
        var distinct = raw.SelectMany(t => t.OtherOffsets).Distinct()
            .OrderBy(o => SameSublattice(o) ? 0 : 1)
            .ThenBy(o => o, Comparer<Int3>.Create(ClusterGeometry.Compare)).ToArray();
        if (distinct.Length > SiteEnvironment.MaxSlots)
            throw new ArgumentException($"the cluster space reaches {distinct.Length} sites around a {Sublattices.Name(sublattice)} site; the evaluator supports {SiteEnvironment.MaxSlots}");
        var slotOf = new Dictionary<Int3, int>();
        for (int k = 0; k < distinct.Length; k++) slotOf[distinct[k]] = k;
        var templates = raw.Select(t => new Template(t.Table, t.OtherOffsets.Select(o => slotOf[o]).ToArray())).ToList();

        var poolArray = pool.ToArray();
        var pointDelta = new double[transitions];
        foreach (var t in templates.Where(t => t.Slots.Length == 0))
            for (int tr = 0; tr < transitions; tr++) pointDelta[tr] += poolArray[t.Table + tr];

        var env = new SiteEnvironment
        {
            Sublattice = sublattice,
            SpeciesCounts = species,
            SlotOffsets = distinct,
            SlotDeltas = distinct.Select(lookup.Delta).ToArray(),
            AffineEven = indexing.Deltas(distinct, 0),
            AffineOdd = indexing.Deltas(distinct, 1),
            Modes = indexing.Modes(sublattice),
            SameSublatticeSlots = distinct.Count(SameSublattice),
            PointDelta = pointDelta,
            Pairs = Flat(templates, 1),
            Triplets = Flat(templates, 2),
            Quads = Flat(templates, 3),
            LargeTable = templates.Where(t => t.Slots.Length > 3).Select(t => t.Table).ToArray(),
            LargeStart = LargeStarts(templates),
            LargeSlots = templates.Where(t => t.Slots.Length > 3).SelectMany(t => t.Slots).ToArray(),
            Pool = poolArray,
        };
        CheckNoWrap(env, templates, distinct, lookup);
        return env;
    }

    /// <summary>D[others*R^2 + a*R + b] for the changed site at position j (R = the orbit's radix); "others" codes
    /// the other sites in order (radix R). Entries that would put a site variable beyond its sublattice's species
    /// stay 0 and are never read.</summary>
    internal static double[] DeltaBlock(Orbit orbit, double[] energies, int j)
    {
        int n = orbit.Order, radix = orbit.Radix, transitions = orbit.SpeciesCounts.Transitions;
        int othersCodes = orbit.SpeciesCounts.CodeCount(n - 1);
        var block = new double[othersCodes * transitions];
        int m = orbit.SpeciesCounts[orbit.SiteSublattices[j]];
        for (int others = 0; others < othersCodes; others++)
        {
            int rest = others, baseCode = 0, weight = 1;
            bool possible = true;
            for (int l = 0; l < n; l++)
            {
                if (l != j)
                {
                    int sigma = rest % radix;
                    rest /= radix;
                    possible &= sigma < orbit.SpeciesCounts[orbit.SiteSublattices[l]];
                    baseCode += sigma * weight;
                }
                weight *= radix;
            }
            if (!possible) continue;
            int stride = orbit.SpeciesCounts.CodeCount(j);
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++)
                    block[others * transitions + a * radix + b] = energies[baseCode + b * stride] - energies[baseCode + a * stride];
        }
        return block;
    }

    private static int[] Flat(List<Template> templates, int others)
        => templates.Where(t => t.Slots.Length == others).SelectMany(t => t.Slots.Prepend(t.Table)).ToArray();

    private static int[] LargeStarts(List<Template> templates)
    {
        var starts = new List<int> { 0 };
        foreach (var t in templates.Where(t => t.Slots.Length > 3)) starts.Add(starts[^1] + t.Slots.Length);
        return starts.ToArray();
    }

    /// <summary>Site 0 stands for every site of the sublattice (periodic translations map sites onto each other).</summary>
    private static void CheckNoWrap(SiteEnvironment env, List<Template> templates, Int3[] offsets, SiteLookup lookup)
    {
        if (lookup.Cell.CationCount == 0) return;
        int b = lookup.Base(env.Sublattice, 0);
        var site = offsets.Select((o, k) => (SameSublattice(o) ? env.Sublattice : Other(env.Sublattice), lookup.SiteAt(b + env.SlotDeltas[k]))).ToArray();
        foreach (var t in templates)
        {
            var seen = new HashSet<(Sublattice, int)> { (env.Sublattice, 0) };
            foreach (int s in t.Slots)
                if (!seen.Add(site[s]))
                    throw new ArgumentException(
                        $"supercell too small for the cluster space: a cluster around a {Sublattices.Name(env.Sublattice)} site " +
                        $"(offsets {string.Join(" ", t.Slots.Select(k => offsets[k]))}) meets the same site twice through " +
                        "periodic images; use a supercell whose periodic images are farther apart than the largest cluster");
        }
    }

    /// <summary>An offset with an even coordinate sum (an fcc vector) stays on the sublattice it starts from.</summary>
    private static bool SameSublattice(Int3 offset) => offset.IsCationSite;

    private static Sublattice Other(Sublattice s) => s == Sublattice.Cation ? Sublattice.Anion : Sublattice.Cation;
}
