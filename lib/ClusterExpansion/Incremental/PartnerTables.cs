namespace Pipeline.ClusterExpansion;

/// <summary>For one changed site s, the exact change of each target's flip, in fixed-point quanta. Targets are the
/// cation sites j that share a cluster with s. The change of j's flip when s goes Vac -> Li (the negative for
/// Li -> Vac) depends on j's state (its site variable: Vac = 0, Li = 1; the other cations 2.. are untracked and their
/// entries are 0)
/// and on the other sites of the shared clusters:
/// <para>Combined table: a block per target over the distinct other sites of its shared clusters (radix M_cation for a
/// cation slot, M_anion for an anion slot, j's state fastest; 3 and 2 for Li-V-O-F): entry = sum over those clusters (pairs included) of j's
/// delta-pool entry with s = Li minus with s = Vac. One load per target, read at
/// CombinedOffsets[g] + state + sum of sigma[slot] * stride over the (slot, stride) pairs of
/// CombinedSlots[CombinedStarts[g]..CombinedStarts[g+1]].</para>
/// <para>Residual terms: clusters that would grow a target's combined block beyond
/// <see cref="PartnerTableBuilder.MaxCombinedEntries"/> stay separate terms
/// [offset, (slot, stride) x ResidualWidth] into <see cref="ResidualPool"/> (per code of the remaining sites
/// and state, the same difference), listed in ResidualTerms[ResidualStarts[g]..ResidualStarts[g+1]].</para></summary>
internal sealed class PartnerTables
{
    /// <summary>Per target, the compact slot holding j (its state and, via the gathered sites, its index).</summary>
    public required int[] TargetSlots { get; init; }
    public required int[] CombinedOffsets { get; init; }
    public required int[] CombinedStarts { get; init; }
    public required int[] CombinedSlots { get; init; }
    public required long[] Combined { get; init; }
    public required int[] ResidualStarts { get; init; }
    public required int ResidualWidth { get; init; }
    public required int[] ResidualTerms { get; init; }
    public required long[] ResidualPool { get; init; }

    public int TargetCount => TargetSlots.Length;

    public int ResidualLength => 1 + 2 * ResidualWidth;
}
