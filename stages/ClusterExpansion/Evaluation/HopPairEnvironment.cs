namespace Pipeline.ClusterExpansion;

/// <summary>For one nearest-neighbour direction d, the clusters around a cation site t that also contain the site
/// f = t + d (or a periodic image of it): what <see cref="CeEvaluator.HopInteraction"/> needs, and nothing else.
/// <para>Slots: the distinct offsets from t of the other sites of those clusters, f excluded (same sublattice
/// first), plus one trailing dummy slot that always reads 0. Templates: fixed width, stored flat as
/// [pool offset, stride of f, (slot, stride) x Width], where a stride is 9 * 3^(position among the cluster's other
/// sites) in the <see cref="SiteEnvironment"/> delta pool; templates with fewer other sites are padded with the
/// dummy slot and stride 0, which keeps the inner loop free of branches.</para></summary>
internal sealed class HopPairEnvironment
{
    /// <summary>Site-lookup table deltas of the real slots (relative to t).</summary>
    public required int[] SlotDeltas { get; init; }
    /// <summary>Affine index deltas of the real slots for interior sites of a conventional supercell, or null.</summary>
    public required int[]? AffineEven { get; init; }
    public required int[]? AffineOdd { get; init; }
    public required int SameSublatticeSlots { get; init; }
    /// <summary>Number of (slot, stride) pairs per template.</summary>
    public required int Width { get; init; }
    public required int[] Templates { get; init; }

    /// <summary>Real slots; the dummy slot has index SlotCount.</summary>
    public int SlotCount => SlotDeltas.Length;

    public int TemplateLength => 2 + 2 * Width;

    public int TemplateCount => Templates.Length / TemplateLength;
}
