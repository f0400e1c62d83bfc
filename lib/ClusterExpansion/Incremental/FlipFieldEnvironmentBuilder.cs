using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Builds the <see cref="FlipFieldEnvironment"/> of an evaluator from its active orbits, reusing the
/// cation <see cref="SiteEnvironment"/>'s slots (offsets, lookup deltas, affine deltas). Every cluster containing a
/// cation site s appears once as (orbit image, position p of s); each other cation position q of it gives the
/// partner term of the site j at offset image[q] - image[p]: the same cluster seen from j, with j's own block
/// (orbit, q), so a partner term reads exactly the pool entry that j's own template reads.</summary>
internal static class FlipFieldEnvironmentBuilder
{
    public static FlipFieldEnvironment Build(CeEvaluator evaluator)
    {
        var cation = evaluator.CationEnvironment;
        var lookup = evaluator.Lookup;
        var species = cation.SpeciesCounts;
        int Stride(int rank) => species.Transitions * species.CodeCount(rank);
        var slotOf = new Dictionary<Int3, int>();
        for (int k = 0; k < cation.SlotOffsets.Length; k++) slotOf[cation.SlotOffsets[k]] = k;

        var pool = new List<long>();
        var blocks = new Dictionary<(int Orbit, int Position), int>();
        double largest = 0.0;
        var active = evaluator.ActiveClusters;
        int Block(int a, int position)
        {
            if (blocks.TryGetValue((a, position), out int table)) return table;
            table = pool.Count;
            foreach (double d in SiteEnvironmentBuilder.DeltaBlock(active[a].Orbit, active[a].Energies, position))
            {
                if (!double.IsFinite(d))
                    throw new ArgumentException($"orbit {active[a].Orbit} has a non-finite cluster energy; the flip field needs finite ECIs");
                largest = Math.Max(largest, Math.Abs(d));
                pool.Add(FixedPointEnergy.ToFixed(d));
            }
            blocks.Add((a, position), table);
            return table;
        }

        var own = new List<ClusterTerm>();
        var partners = new List<(Int3 Target, ClusterTerm Term)>();
        for (int a = 0; a < active.Count; a++)
        {
            var orbit = active[a].Orbit;
            foreach (var image in orbit.Images)
                for (int p = 0; p < image.Length; p++)
                {
                    if (Sublattices.Of(image[p]) != Sublattice.Cation) continue;
                    var others = Enumerable.Range(0, image.Length).Where(l => l != p).ToArray();
                    own.Add(new ClusterTerm(Block(a, p), 0, others.Select(l => slotOf[image[l] - image[p]]).ToArray(),
                        others.Select(l => Stride(Rank(l, p))).ToArray()));
                    foreach (int q in others)
                    {
                        if (Sublattices.Of(image[q]) != Sublattice.Cation) continue;
                        var rest = others.Where(l => l != q).ToArray();
                        partners.Add((image[q] - image[p], new ClusterTerm(Block(a, q), Stride(Rank(p, q)),
                            rest.Select(l => slotOf[image[l] - image[p]]).ToArray(), rest.Select(l => Stride(Rank(l, q))).ToArray())));
                    }
                }
        }
        // A flip sums own.Count entries: bounding that sum (not each entry) keeps every flip, and every table
        // entry built from differences of entries, far inside the int64 range.
        if (largest * Math.Max(own.Count, 1) > FixedPointEnergy.MaxMagnitude)
            throw new ArgumentException(
                $"cluster energies up to {largest:G3} eV over {own.Count} clusters per site could exceed {FixedPointEnergy.MaxMagnitude} eV " +
                "per flip, the range of the fixed-point flip field");

        // One target per site reached from site 0; periodic images of one site (small cells) merge.
        int origin = lookup.Base(Sublattice.Cation, 0);
        var targets = partners
            .GroupBy(x => lookup.SiteAt(origin + lookup.Delta(x.Target)))
            .Select(g => (Slot: g.Select(x => slotOf[x.Target]).Min(), Terms: g.Select(x => x.Term).ToArray()))
            .OrderBy(t => t.Slot).ToArray();
        var used = targets.Select(t => t.Slot).Concat(targets.SelectMany(t => t.Terms.SelectMany(x => x.Slots)))
            .Distinct().Order().ToArray();
        var compact = new Dictionary<int, int>();
        for (int k = 0; k < used.Length; k++) compact[used[k]] = k;

        var longPool = pool.ToArray();
        var partnerTerms = targets.Select(t => (compact[t.Slot], t.Terms.Select(x => x with { Slots = x.Slots.Select(k => compact[k]).ToArray() }).ToArray())).ToArray();
        var tables = PartnerTableBuilder.Build(longPool, partnerTerms, used.Count(k => k < cation.SameSublatticeSlots), dummy: used.Length,
            species);

        int ownWidth = own.Count == 0 ? 0 : own.Max(t => t.Slots.Length);
        var ownFlat = new List<int>();
        foreach (var term in own)
        {
            ownFlat.Add(term.Table);
            AddPadded(ownFlat, term, ownWidth, dummy: cation.SlotCount);
        }

        return new FlipFieldEnvironment
        {
            Pool = longPool,
            OwnWidth = ownWidth,
            OwnTemplates = ownFlat.ToArray(),
            SlotDeltas = used.Select(k => cation.SlotDeltas[k]).ToArray(),
            AffineEven = cation.AffineEven is { } even ? used.Select(k => even[k]).ToArray() : null,
            AffineOdd = cation.AffineOdd is { } odd ? used.Select(k => odd[k]).ToArray() : null,
            SameSublatticeSlots = used.Count(k => k < cation.SameSublatticeSlots),
            Partners = tables,
            SharedClusters = partners.Count,
        };
    }


    /// <summary>Appends (slot, stride) pairs, padded to <paramref name="width"/> with the dummy slot and stride 0.</summary>
    internal static void AddPadded(List<int> flat, ClusterTerm term, int width, int dummy)
    {
        for (int k = 0; k < width; k++)
        {
            bool real = k < term.Slots.Length;
            flat.Add(real ? term.Slots[k] : dummy);
            flat.Add(real ? term.Strides[k] : 0);
        }
    }

    /// <summary>Position of cluster site l among the sites other than <paramref name="centre"/>.</summary>
    private static int Rank(int l, int centre) => l < centre ? l : l - 1;
}
