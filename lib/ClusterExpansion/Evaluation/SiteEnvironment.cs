using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Everything needed to compute the energy change of one site of a sublattice changing species, built
/// once per model and supercell and shared by all sites of the sublattice (they are translation-equivalent).
/// <para>Slots: the distinct offsets (same-sublattice first) at which the site's clusters have their other sites;
/// a change gathers the site variables at these offsets once. Templates: one per cluster containing the site
/// (orbit image and position of the site in it), grouped by the number of other sites, stored flat as
/// [pool offset, slot, slot, ...]. Delta pool: per (orbit, position of the changed site) a block
/// D[others*R^2 + a*R + b] = E(site = b) - E(site = a) with the other sites fixed (others = their radix-R code,
/// R = <see cref="SpeciesCounts.Radix"/>, 3 for Li-V-O-F);
/// D for b -> a is exactly -D for a -> b, which makes reverse moves exact negatives.</para></summary>
internal sealed class SiteEnvironment
{
    /// <summary>Largest neighbourhood the evaluator gathers on the stack.</summary>
    public const int MaxSlots = 1024;

    public required Sublattice Sublattice { get; init; }
    /// <summary>Species per sublattice: site-variable ranges and the radix of the pool's codes.</summary>
    public required SpeciesCounts SpeciesCounts { get; init; }
    /// <summary>Offsets (units of a/2) of the slots from the changed site.</summary>
    public required Int3[] SlotOffsets { get; init; }
    /// <summary>Site-lookup table deltas of the slots.</summary>
    public required int[] SlotDeltas { get; init; }
    /// <summary>Index deltas of the slots for interior sites of a conventional supercell (even / odd x), or null.</summary>
    public required int[]? AffineEven { get; init; }
    public required int[]? AffineOdd { get; init; }
    /// <summary>Per site of this sublattice: 0 = table lookup, 1 = affine even, 2 = affine odd; null = table only.</summary>
    public required byte[]? Modes { get; init; }
    public required int SameSublatticeSlots { get; init; }
    /// <summary>Sum over point clusters of D, per transition a*R+b.</summary>
    public required double[] PointDelta { get; init; }
    /// <summary>Flat [offset, slot] per pair template.</summary>
    public required int[] Pairs { get; init; }
    /// <summary>Flat [offset, slot, slot] per triplet template.</summary>
    public required int[] Triplets { get; init; }
    /// <summary>Flat [offset, slot, slot, slot] per quadruplet template.</summary>
    public required int[] Quads { get; init; }
    /// <summary>Templates with more than 3 other sites: pool offset, and slots from LargeStart[k] to LargeStart[k+1].</summary>
    public required int[] LargeTable { get; init; }
    public required int[] LargeStart { get; init; }
    public required int[] LargeSlots { get; init; }
    public required double[] Pool { get; init; }

    public int SlotCount => SlotDeltas.Length;

    public int TemplateCount => Pairs.Length / 2 + Triplets.Length / 3 + Quads.Length / 4 + LargeTable.Length;
}
