namespace Pipeline.ClusterExpansion;

/// <summary>Fixed-point tables of a <see cref="FlipEnergyField"/>, shared by all cation sites (translation-equivalent).
/// <para>Pool: per (active orbit, cation position q) the delta block of <see cref="SiteEnvironmentBuilder"/>,
/// D[others*R^2 + a*R + b] (R = the radix, 3 for Li-V-O-F), rounded to int64 quanta (<see cref="FixedPointEnergy"/>).</para>
/// <para>Own templates (for a full rebuild): every cluster containing a site j, stored flat with fixed width as
/// [pool offset, (slot, stride) x OwnWidth] over the slots of the cation <see cref="SiteEnvironment"/>; padding
/// uses the dummy slot (index = that environment's SlotCount, reads 0) with stride 0.</para>
/// <para>Partners (for one changed site s): <see cref="PartnerTables"/> over the compact slots
/// <see cref="SlotDeltas"/> around s (same sublattice first; the dummy slot at SlotCount reads 0).</para></summary>
internal sealed class FlipFieldEnvironment
{
    public required long[] Pool { get; init; }

    public required int OwnWidth { get; init; }
    public required int[] OwnTemplates { get; init; }

    /// <summary>Site-lookup deltas of the compact slots around the changed site.</summary>
    public required int[] SlotDeltas { get; init; }
    public required int[]? AffineEven { get; init; }
    public required int[]? AffineOdd { get; init; }
    public required int SameSublatticeSlots { get; init; }

    public required PartnerTables Partners { get; init; }

    /// <summary>Clusters holding the changed site and a target, summed over targets (cost indicator).</summary>
    public required int SharedClusters { get; init; }

    public int OwnLength => 1 + 2 * OwnWidth;
    public int SlotCount => SlotDeltas.Length;
}
