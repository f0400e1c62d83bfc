namespace Pipeline.ClusterExpansion;

/// <summary>Builds <see cref="PartnerTables"/> from the clusters each target shares with the changed site. All
/// entries are integer sums and differences of the rounded delta pool, so they are exact: any way of adding them
/// gives the bits a from-scratch sum of j's own templates gives.</summary>
internal static class PartnerTableBuilder
{
    /// <summary>Largest combined block per target (entries of 8 bytes); the default cluster space needs 972.</summary>
    public const int MaxCombinedEntries = 2048;

    /// <summary>Entries per code: j's site variable, Vac = 0, Li = 1, V = 2 (always 0).</summary>
    public const int States = 3;

    private const int VanadiumState = 2;

    /// <param name="pool">The fixed-point delta pool.</param>
    /// <param name="targets">Per target, its compact slot and the shared clusters seen from it (compact slots;
    /// the changed site's stride given separately).</param>
    /// <param name="cationSlots">Compact slots below this index are cation sites (values 0..2), the rest anions (0..1).</param>
    /// <param name="dummy">The compact slot that always reads 0.</param>
    public static PartnerTables Build(long[] pool, IReadOnlyList<(int Slot, ClusterTerm[] Terms)> targets, int cationSlots, int dummy)
    {
        var combined = new List<long>();
        var offsets = new List<int>();
        var combinedSlots = new List<int>();
        var combinedStarts = new List<int> { 0 };
        var residualPool = new List<long>();
        var residualBlocks = new Dictionary<string, int>();
        var residualTerms = new List<(int Target, int Offset, ClusterTerm Reduced)>();
        // Targets with the widest combined blocks first: the gather loop's trip count changes rarely.
        var order = targets.Select(t => (t.Slot, t.Terms, Split: Combine(t.Terms, cationSlots)))
            .OrderByDescending(x => x.Split.Slots.Length).ThenBy(x => x.Slot).ToArray();
        for (int g = 0; g < order.Length; g++)
        {
            var (_, terms, (slots, covered)) = order[g];
            var radices = slots.Select(k => k < cationSlots ? 3 : 2).ToArray();
            int codes = radices.Aggregate(1, (p, r) => p * r);
            offsets.Add(combined.Count);
            for (int code = 0; code < codes; code++)
            {
                var sigma = Decode(code, slots, radices);
                for (int state = 0; state < States; state++)
                    combined.Add(covered.Sum(t => Difference(pool, t, state, k => sigma[k])));
            }
            int weight = States;
            for (int k = 0; k < slots.Length; k++)
            {
                combinedSlots.Add(slots[k]);
                combinedSlots.Add(weight);
                weight *= radices[k];
            }
            combinedStarts.Add(combinedSlots.Count);
            var inBlock = new HashSet<ClusterTerm>(covered, ReferenceEqualityComparer.Instance);
            foreach (var term in terms.Where(t => !inBlock.Contains(t)))
                residualTerms.Add((g, ResidualBlock(pool, term, residualPool, residualBlocks),
                    term with { Strides = term.Slots.Select((_, r) => States * FlipFieldEnvironmentBuilder.Pow3(r)).ToArray() }));
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
    private static (int[] Slots, ClusterTerm[] Covered) Combine(ClusterTerm[] terms, int cationSlots)
    {
        var slots = new SortedSet<int>();
        var covered = new List<ClusterTerm>();
        foreach (var term in terms.OrderBy(t => t.Slots.Length))
        {
            var union = new SortedSet<int>(slots);
            union.UnionWith(term.Slots);
            long entries = States;
            foreach (int k in union) entries *= k < cationSlots ? 3 : 2;
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

    /// <summary>j's pool entry with the changed site Li minus with it vacant, for j in <paramref name="state"/>;
    /// 0 for V (untracked), so that the update needs no branch on j's state.</summary>
    private static long Difference(long[] pool, ClusterTerm term, int state, Func<int, int> sigma)
    {
        if (state == VanadiumState) return 0;
        int index = term.Table + (state == 1 ? 3 : 1); // Li -> Vac = 1*3+0, Vac -> Li = 0*3+1
        for (int r = 0; r < term.Slots.Length; r++) index += sigma(term.Slots[r]) * term.Strides[r];
        return pool[index + term.StrideOfChanged] - pool[index];
    }

    /// <summary>Offset of a residual term's block: per code of its other sites (radix 3) and state, the
    /// <see cref="Difference"/>. Terms reading the same entries share a block.</summary>
    private static int ResidualBlock(long[] pool, ClusterTerm term, List<long> residualPool, Dictionary<string, int> blocks)
    {
        string key = $"{term.Table}:{term.StrideOfChanged}:{string.Join(",", term.Strides)}";
        if (blocks.TryGetValue(key, out int offset)) return offset;
        offset = residualPool.Count;
        int codes = FlipFieldEnvironmentBuilder.Pow3(term.Slots.Length);
        for (int code = 0; code < codes; code++)
        {
            var digits = new int[term.Slots.Length];
            for (int r = 0, rest = code; r < digits.Length; r++, rest /= 3) digits[r] = rest % 3;
            for (int state = 0; state < States; state++)
                residualPool.Add(Difference(pool, term with { Slots = Enumerable.Range(0, digits.Length).ToArray() }, state, r => digits[r]));
        }
        blocks.Add(key, offset);
        return offset;
    }
}
