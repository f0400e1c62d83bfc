using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Builds one <see cref="HopPairEnvironment"/> per nearest-neighbour direction by filtering the cation
/// <see cref="SiteEnvironment"/>: a template belongs to direction d when one of its slots is the site at offset d,
/// compared as sites (site 0 stands for all, translations map sites onto each other), so that periodic images of
/// the neighbour in small supercells are found too. No cluster holds a site twice (checked by
/// <see cref="SiteEnvironmentBuilder"/>), so at most one slot per template is the neighbour.</summary>
internal static class HopPairEnvironmentBuilder
{
    private sealed record Template(int Table, int[] Slots);

    public static HopPairEnvironment[] Build(SiteEnvironment cation, SiteLookup lookup)
    {
        var templates = Templates(cation);
        int origin = lookup.Base(Sublattice.Cation, 0);
        var slotSite = cation.SlotDeltas.Select((delta, k) => k < cation.SameSublatticeSlots ? lookup.SiteAt(origin + delta) : -1).ToArray();
        var result = new HopPairEnvironment[HopGeometry.NeighborVectors.Length];
        for (int d = 0; d < result.Length; d++)
        {
            int neighbour = lookup.SiteAt(origin + lookup.Delta(HopGeometry.NeighborVectors[d]));
            result[d] = ForNeighbour(cation, templates, slot => slotSite[slot] == neighbour);
        }
        return result;
    }

    private static HopPairEnvironment ForNeighbour(SiteEnvironment cation, List<Template> all, Func<int, bool> isNeighbour)
    {
        var shared = new List<(Template Template, int NeighbourPosition)>();
        foreach (var t in all)
        {
            int position = Array.FindIndex(t.Slots, s => isNeighbour(s));
            if (position >= 0) shared.Add((t, position));
        }
        // Compact slots: the environment's slot order (same sublattice first) restricted to the slots used.
        var used = shared.SelectMany(x => x.Template.Slots.Where((_, k) => k != x.NeighbourPosition)).Distinct().Order().ToArray();
        var compact = new Dictionary<int, int>();
        for (int k = 0; k < used.Length; k++) compact[used[k]] = k;
        int dummy = used.Length;
        int width = shared.Count == 0 ? 0 : shared.Max(x => x.Template.Slots.Length - 1);

        var flat = new List<int>();
        foreach (var (t, position) in shared)
        {
            flat.Add(t.Table);
            flat.Add(Stride(position, cation.SpeciesCounts));
            int written = 0;
            for (int k = 0; k < t.Slots.Length; k++)
            {
                if (k == position) continue;
                flat.Add(compact[t.Slots[k]]);
                flat.Add(Stride(k, cation.SpeciesCounts));
                written++;
            }
            for (; written < width; written++)
            {
                flat.Add(dummy);
                flat.Add(0);
            }
        }
        var templateArray = flat.ToArray();
        int sameSublattice = used.Count(k => k < cation.SameSublatticeSlots);
        var (weights, codes, table) = HopPairEnvironmentTableBuilder.Build(templateArray, width, sameSublattice, used.Length, cation.Pool,
            cation.SpeciesCounts);
        return new HopPairEnvironment
        {
            SlotDeltas = used.Select(k => cation.SlotDeltas[k]).ToArray(),
            AffineEven = cation.AffineEven is { } even ? used.Select(k => even[k]).ToArray() : null,
            AffineOdd = cation.AffineOdd is { } odd ? used.Select(k => odd[k]).ToArray() : null,
            SameSublatticeSlots = sameSublattice,
            Width = width,
            Templates = templateArray,
            SlotWeights = weights,
            TableCodes = codes,
            Table = table,
        };
    }

    /// <summary>Delta-pool stride of the cluster's other site at <paramref name="position"/> (radix R, times the R^2
    /// transitions).</summary>
    private static int Stride(int position, SpeciesCounts species) => species.Transitions * species.CodeCount(position);

    /// <summary>The templates of an environment in pool order, decoded from its flat arrays.</summary>
    private static List<Template> Templates(SiteEnvironment env)
    {
        var list = new List<Template>();
        void Fixed(int[] flat, int others)
        {
            for (int t = 0; t < flat.Length; t += others + 1)
                list.Add(new Template(flat[t], flat.AsSpan(t + 1, others).ToArray()));
        }
        Fixed(env.Pairs, 1);
        Fixed(env.Triplets, 2);
        Fixed(env.Quads, 3);
        for (int t = 0; t < env.LargeTable.Length; t++)
            list.Add(new Template(env.LargeTable[t], env.LargeSlots[env.LargeStart[t]..env.LargeStart[t + 1]]));
        return list;
    }
}
