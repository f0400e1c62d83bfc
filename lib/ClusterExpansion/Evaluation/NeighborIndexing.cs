using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>How the evaluator finds the sites at fixed offsets from a site. Always available: the
/// <see cref="SiteLookup"/> table (one read per neighbour, any supercell shape). For conventional n1 x n2 x n3
/// supercells, whose site order is z-major with x fastest, the index of a neighbour that does not cross the cell
/// boundary is the site's own index plus a constant that depends only on the offset and the parity of x: such
/// "interior" sites skip the table and read only the species arrays, which keeps large supercells cache-friendly.</summary>
internal sealed class NeighborIndexing
{
    public const byte UseTable = 0;

    private readonly byte[]? _cationMode;
    private readonly byte[]? _anionMode;
    private readonly int _n1, _n2;

    private NeighborIndexing(byte[]? cationMode, byte[]? anionMode, int n1, int n2)
    {
        _cationMode = cationMode;
        _anionMode = anionMode;
        _n1 = n1;
        _n2 = n2;
    }

    /// <summary>Per site: 0 = use the table, 1 = interior with even x, 2 = interior with odd x. Null when the
    /// supercell is not conventional.</summary>
    public byte[]? Modes(Sublattice s) => s == Sublattice.Cation ? _cationMode : _anionMode;

    /// <summary>Affine index deltas of <paramref name="offsets"/> for a site with x parity <paramref name="parity"/>
    /// (index in the target site's sublattice array), or null for a non-conventional supercell.</summary>
    public int[]? Deltas(IReadOnlyList<Int3> offsets, int parity)
    {
        if (_cationMode is null) return null;
        return offsets.Select(o => (o.Z * 2 * _n2 + o.Y) * _n1 + (FloorHalf(parity + o.X))).ToArray();
    }

    public static NeighborIndexing For(RockSaltSupercell cell, int reach)
    {
        var t1 = cell.T1; var t2 = cell.T2; var t3 = cell.T3;
        bool conventional = t1.Y == 0 && t1.Z == 0 && t2.X == 0 && t2.Z == 0 && t3.X == 0 && t3.Y == 0
                            && t1.X > 0 && t2.Y > 0 && t3.Z > 0 && t1.X % 2 == 0 && t2.Y % 2 == 0 && t3.Z % 2 == 0;
        if (!conventional) return new NeighborIndexing(null, null, 0, 0);
        int n1 = t1.X / 2, n2 = t2.Y / 2, n3 = t3.Z / 2;
        var cationMode = Modes(cell.CationCount, cell.CationPosition, n1, n2, n3, reach);
        var anionMode = Modes(cell.AnionCount, cell.AnionPosition, n1, n2, n3, reach);
        if (cationMode is null || anionMode is null) return new NeighborIndexing(null, null, 0, 0);
        return new NeighborIndexing(cationMode, anionMode, n1, n2);
    }

    /// <summary>Modes per site, or null if the site order is not the expected z-major order.</summary>
    private static byte[]? Modes(int count, Func<int, Int3> position, int n1, int n2, int n3, int reach)
    {
        var modes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            var p = position(i);
            if ((p.Z * 2 * n2 + p.Y) * n1 + (p.X >> 1) != i) return null;
            bool interior = p.X >= reach && p.X < 2 * n1 - reach && p.Y >= reach && p.Y < 2 * n2 - reach
                            && p.Z >= reach && p.Z < 2 * n3 - reach;
            modes[i] = interior ? (byte)(1 + (p.X & 1)) : UseTable;
        }
        return modes;
    }

    private static int FloorHalf(int v) => v >= 0 ? v / 2 : -((-v + 1) / 2);
}
