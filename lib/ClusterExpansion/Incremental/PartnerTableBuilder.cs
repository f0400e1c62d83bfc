using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Builds <see cref="PartnerTables"/> from the clusters each target shares with the changed site. All
/// entries are integer sums and differences of the rounded delta pool, so they are exact: any way of adding them
/// gives the bits a from-scratch sum of j's own templates gives.</summary>
internal static class PartnerTableBuilder
{
    /// <summary>Largest combined block per target (entries of 8 bytes); the default cluster space needs 972 for
    /// Li-V-O-F.</summary>
    public const int MaxCombinedEntries = 2048;

    /// <param name="pool">The fixed-point delta pool.</param>
    /// <param name="targets">Per target, its compact slot and the shared clusters seen from it (compact slots;
    /// the changed site's stride given separately).</param>
    /// <param name="cationSlots">Compact slots below this index are cation sites (values 0..M_cation-1), the rest
    /// anions (0..M_anion-1).</param>
    /// <param name="dummy">The compact slot that always reads 0.</param>
    /// <param name="species">Species per sublattice. Entries per code: one per state of j (its site variable: Vac = 0,
    /// mobile ion = 1, other cations 2.. whose entries are 0, as they are untracked).</param>
    public static PartnerTables Build(long[] pool, IReadOnlyList<(int Slot, ClusterTerm[] Terms)> targets, int cationSlots, int dummy,
        SpeciesCounts species)
    {
        int states = species.Cation;
        var combined = new List<long>();
        var offsets = new List<int>();
        var combinedSlots = new List<int>();
        var combinedStarts = new List<int> { 0 };
        var residualPool = new List<long>();
        var residualBlocks = new Dictionary<string, int>();
        var residualTerms = new List<(int Target, int Offset, ClusterTerm Reduced)>();
        // Targets with the widest combined blocks first: the gather loop's trip count changes rarely.
        var order = targets.Select(t => (t.Slot, t.Terms, Split: Combine(t.Terms, cationSlots, species)))
            .OrderByDescending(x => x.Split.Slots.Length).ThenBy(x => x.Slot).ToArray();
        for (int g = 0; g < order.Length; g++)
        {
            var (_, terms, (slots, covered)) = order[g];
            var radices = slots.Select(k => k < cationSlots ? species.Cation : species.Anion).ToArray();
            int codes = radices.Aggregate(1, (p, r) => p * r);
            offsets.Add(combined.Count);
            for (int code = 0; code < codes; code++)
            {
                var sigma = Decode(code, slots, radices);
                for (int state = 0; state < states; state++)
                    combined.Add(covered.Sum(t => Difference(pool, t, state, k => sigma[k], species)));
            }
            int weight = states;
            for (int k = 0; k < slots.Length; k++)
            {
                combinedSlots.Add(slots[k]);
                combinedSlots.Add(weight);
                weight *= radices[k];
            }
            combinedStarts.Add(combinedSlots.Count);
            var inBlock = new HashSet<ClusterTerm>(covered, ReferenceEqualityComparer.Instance);
            foreach (var term in terms.Where(t => !inBlock.Contains(t)))
                residualTerms.Add((g, ResidualBlock(pool, term, residualPool, residualBlocks, species),
                    term with { Strides = term.Slots.Select((_, r) => states * species.CodeCount(r)).ToArray() }));
        }

        int width = residualTerms.Count == 0 ? 0 : residualTerms.Max(t => t.Reduced.Slots.Length);
        var flat = new List<int>();
        var starts = new List<int>();
        for (int g = 0; g < order.Length; g++)
        {
            starts.Add(flat.Count);
            foreach (var (_, offset, reduced) in residualTerms.Where(t => t.Target == g))
            {
                flat.Add(offset);
                FlipFieldEnvironmentBuilder.AddPadded(flat, reduced, width, dummy);
            }
        }
        starts.Add(flat.Count);
        return new PartnerTables
        {
            TargetSlots = order.Select(x => x.Slot).ToArray(),
            CombinedOffsets = offsets.ToArray(),
            CombinedStarts = combinedStarts.ToArray(),
            CombinedSlots = combinedSlots.ToArray(),
            Combined = combined.ToArray(),
            ResidualStarts = starts.ToArray(),
            ResidualWidth = width,
            ResidualTerms = flat.ToArray(),
            ResidualPool = residualPool.ToArray(),
        };
    }

    /// <summary>The clusters a target's combined block covers, and the slots it spans: all pairs, then clusters
    /// beyond pairs (fewest sites first) while the block stays within <see cref="MaxCombinedEntries"/>.</summary>
    private static (int[] Slots, ClusterTerm[] Covered) Combine(ClusterTerm[] terms, int cationSlots, SpeciesCounts species)
    {
        var slots = new SortedSet<int>();
        var covered = new List<ClusterTerm>();
        foreach (var term in terms.OrderBy(t => t.Slots.Length))
        {
            var union = new SortedSet<int>(slots);
            union.UnionWith(term.Slots);
            long entries = species.Cation;
            foreach (int k in union) entries *= k < cationSlots ? species.Cation : species.Anion;
            if (entries > MaxCombinedEntries) continue;
            slots = union;
            covered.Add(term);
        }
        return (slots.ToArray(), covered.ToArray());
    }

    /// <summary>Site variables (per compact slot) of a combined-block code.</summary>
    private static Dictionary<int, int> Decode(int code, int[] slots, int[] radices)
    {
        var sigma = new Dictionary<int, int>();
        for (int k = 0; k < slots.Length; k++)
        {
            sigma[slots[k]] = code % radices[k];
            code /= radices[k];
        }
        return sigma;
    }

    /// <summary>j's pool entry with the changed site holding the mobile ion minus with it vacant, for j in
    /// <paramref name="state"/>; 0 for the other cations (untracked), so that the update needs no branch on j's state.</summary>
    private static long Difference(long[] pool, ClusterTerm term, int state, Func<int, int> sigma, SpeciesCounts species)
    {
        if (state >= Chemistry.FirstOtherCation) return 0;
        int index = term.Table + (state == 1 ? species.Radix : 1); // mobile -> Vac = 1*R+0, Vac -> mobile = 0*R+1
        for (int r = 0; r < term.Slots.Length; r++) index += sigma(term.Slots[r]) * term.Strides[r];
        return pool[index + term.StrideOfChanged] - pool[index];
    }

    /// <summary>Offset of a residual term's block: per code of its other sites (radix R) and state, the
    /// <see cref="Difference"/>. Terms reading the same entries share a block.</summary>
    private static int ResidualBlock(long[] pool, ClusterTerm term, List<long> residualPool, Dictionary<string, int> blocks,
        SpeciesCounts species)
    {
        string key = $"{term.Table}:{term.StrideOfChanged}:{string.Join(",", term.Strides)}";
        if (blocks.TryGetValue(key, out int offset)) return offset;
        offset = residualPool.Count;
        int codes = species.CodeCount(term.Slots.Length), radix = species.Radix;
        for (int code = 0; code < codes; code++)
        {
            var digits = new int[term.Slots.Length];
            for (int r = 0, rest = code; r < digits.Length; r++, rest /= radix) digits[r] = rest % radix;
            for (int state = 0; state < species.Cation; state++)
                residualPool.Add(Difference(pool, term with { Slots = Enumerable.Range(0, digits.Length).ToArray() }, state, r => digits[r], species));
        }
        blocks.Add(key, offset);
        return offset;
    }
}
