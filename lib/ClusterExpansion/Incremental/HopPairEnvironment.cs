using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.ClusterExpansion;

/// <summary>For one nearest-neighbour direction d, the clusters around a cation site t that also contain the site
/// f = t + d (or a periodic image of it): what <see cref="CeEvaluator.HopInteraction"/> needs, and nothing else.
/// <para>Slots: the distinct offsets from t of the other sites of those clusters, f excluded (same sublattice
/// first), plus one trailing dummy slot that always reads 0. Templates: fixed width, stored flat as
/// [pool offset, stride of f, (slot, stride) x Width], where a stride is R^2 * R^(position among the cluster's other
/// sites) in the <see cref="SiteEnvironment"/> delta pool (R = the radix, 3 for Li-V-O-F); templates with fewer other sites are padded with the
/// dummy slot and stride 0, which keeps the inner loop free of branches.</para>
/// <para>Combined table: the interaction depends only on the moving species s (any cation code but 0) and the site variables of
/// the real slots, so when there are at most <see cref="MaxTableCodes"/> slot codes, every value is precomputed
/// by <see cref="SumTerms"/> itself: Table[(s - 1) * TableCodes + sum over slots of sigma[k] * SlotWeights[k]]
/// (radix M_cation for a cation slot, M_anion for an anion slot, first slot fastest). An entry is therefore the term-by-term
/// sum for that code, bit for bit, and a hop reads one entry after gathering the slots.</para></summary>
internal sealed class HopPairEnvironment
{
    /// <summary>Largest number of slot codes per moving species for which the combined table is built (Li-V-O-F,
    /// two moving species: at most 64 KiB per direction); the default cluster space needs 3^4 * 2^2 = 324 for
    /// Li-V-O-F, 4^4 * 2^2 = 1024 with three cation species besides the vacancy.</summary>
    public const int MaxTableCodes = 4096;

    /// <summary>Site-lookup table deltas of the real slots (relative to t).</summary>
    public required int[] SlotDeltas { get; init; }
    /// <summary>Affine index deltas of the real slots for interior sites of a conventional supercell, or null.</summary>
    public required int[]? AffineEven { get; init; }
    public required int[]? AffineOdd { get; init; }
    public required int SameSublatticeSlots { get; init; }
    /// <summary>Number of (slot, stride) pairs per template.</summary>
    public required int Width { get; init; }
    public required int[] Templates { get; init; }
    /// <summary>Per real slot, its weight in a table index; empty when <see cref="Table"/> is null.</summary>
    public required int[] SlotWeights { get; init; }
    /// <summary>Slot codes per moving species (the product of the radices); 0 when <see cref="Table"/> is null.</summary>
    public required int TableCodes { get; init; }
    /// <summary>The combined table (one block per moving species, mobile ion first), or null when the slots have more than
    /// <see cref="MaxTableCodes"/> codes and hops go through the templates one by one.</summary>
    public required double[]? Table { get; init; }

    /// <summary>Real slots; the dummy slot has index SlotCount.</summary>
    public int SlotCount => SlotDeltas.Length;

    public int TemplateLength => 2 + 2 * Width;

    public int TemplateCount => Templates.Length / TemplateLength;

    /// <summary>The interaction term by term, in template order: per shared cluster, the "to" site's delta-pool
    /// entry for Vac -> <paramref name="s"/> with f vacant minus the one with f holding s, added to a running sum
    /// that starts at 0. <paramref name="sigma"/> holds the site variables of the slots, dummy slot (0) included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumTerms(int[] templates, int width, double[] pool, ref byte sigma, int s)
    {
        ref double poolRef = ref MemoryMarshal.GetArrayDataReference(pool);
        ref int t0 = ref MemoryMarshal.GetArrayDataReference(templates);
        int length = 2 + 2 * width, end = templates.Length;
        double acc = 0.0;
        for (int t = 0; t < end; t += length)
        {
            int index = Unsafe.Add(ref t0, t) + s; // transition Vac (0) -> s
            for (int r = 0; r < width; r++)
                index += Unsafe.Add(ref sigma, Unsafe.Add(ref t0, t + 2 + 2 * r)) * Unsafe.Add(ref t0, t + 3 + 2 * r);
            acc += Unsafe.Add(ref poolRef, index) - Unsafe.Add(ref poolRef, index + s * Unsafe.Add(ref t0, t + 1));
        }
        return acc;
    }
}
