using Pipeline.Kmc.Barriers;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Events;

/// <summary>The inverse of the barrier dependencies: for a cation site c whose species changed, the events
/// (Li site c + offset, direction) that read c. Event (i, d) reads i + o for o in DependencyOffsets(d), so it is
/// affected when i = c - o. Entries with the same site offset are merged into one mask: bit d when direction d of the
/// Li there is affected, and bit <see cref="LocalShift"/> + d when its local term (<see cref="IBarrierProvider.LocalOffsets"/>)
/// is affected too and must be recomputed rather than reused.
/// A hop changes two sites, I and F = I + v_d: <see cref="ForHop"/> gives the union of their stencils, merged once at
/// construction, so an executed hop visits every affected site once with no deduplication at run time.</summary>
public sealed class ImpactStencil
{
    /// <summary>Position of the 12 local-term bits in a mask.</summary>
    public const int LocalShift = 16;

    /// <summary>The 12 direction bits of a mask.</summary>
    public const int DirectionBits = 0xFFF;

    private readonly Int3[][] _hopOffsets;
    private readonly int[][] _hopMasks;

    public ImpactStencil(IBarrierProvider provider)
    {
        var masks = new SortedDictionary<Int3, int>(Comparer<Int3>.Create(Compare));
        for (int d = 0; d < 12; d++)
        {
            var local = provider.LocalOffsets(d);
            foreach (var o in provider.DependencyOffsets(d))
            {
                var key = -o;
                if (Math.Max(Math.Abs(key.X), Math.Max(Math.Abs(key.Y), Math.Abs(key.Z))) > Lattice.CubicSiteIndex.MaxOffset)
                    throw new ArgumentException($"dependency offset {o} of direction {d} is beyond the supported range");
                masks[key] = masks.GetValueOrDefault(key) | (1 << d) | (local.Contains(o) ? 1 << (LocalShift + d) : 0);
            }
            foreach (var o in local)
                if (!provider.DependencyOffsets(d).Contains(o))
                    throw new ArgumentException($"local offset {o} of direction {d} is not among the dependency offsets");
        }
        Offsets = masks.Keys.ToArray();
        Masks = masks.Values.ToArray();
        _hopOffsets = new Int3[12][];
        _hopMasks = new int[12][];
        for (int d = 0; d < 12; d++)
        {
            var merged = new SortedDictionary<Int3, int>(Comparer<Int3>.Create(Compare));
            var v = HopGeometry.NeighborVectors[d];
            for (int k = 0; k < Offsets.Length; k++)
            {
                merged[Offsets[k]] = merged.GetValueOrDefault(Offsets[k]) | Masks[k];
                merged[Offsets[k] + v] = merged.GetValueOrDefault(Offsets[k] + v) | Masks[k];
            }
            _hopOffsets[d] = merged.Keys.ToArray();
            _hopMasks[d] = merged.Values.ToArray();
        }
        HopLength = _hopOffsets.Max(o => o.Length);
    }

    /// <summary>Site offsets from the changed site to the affected Li site.</summary>
    public Int3[] Offsets { get; }

    /// <summary>Per offset, the affected directions (bits 0-11) and those whose local term is affected (bits 16-27).</summary>
    public int[] Masks { get; }

    public int Length => Offsets.Length;

    /// <summary>The events a hop along <paramref name="direction"/> affects: offsets from its initial site I to the
    /// affected Li site, and per offset the mask (the stencils of I and F merged).</summary>
    public (Int3[] Offsets, int[] Masks) ForHop(int direction) => (_hopOffsets[direction], _hopMasks[direction]);

    /// <summary>Longest <see cref="ForHop"/> list over the 12 directions.</summary>
    public int HopLength { get; }

    private static int Compare(Int3 a, Int3 b)
        => a.Z != b.Z ? a.Z.CompareTo(b.Z) : a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X);
}
