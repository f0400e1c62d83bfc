using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>O(1) site lookup for fixed offsets in a periodic supercell. Every lattice point of the supercell's
/// bounding box, padded by <c>padding</c> on each side, gets its site index (within its sublattice) in one dense
/// table; the table position of p + o is then the position of p plus a constant that depends only on o. So a
/// neighbour lookup is one addition and one array read, for any supercell shape and without per-site neighbour
/// lists (the table holds about as many ints as the box has points: 2.2e6 for 10^6 cations in a cube).</summary>
public sealed class SiteLookup
{
    private readonly int[] _table;
    private readonly int[] _cationBase;
    private readonly int[] _anionBase;
    private readonly Int3 _min;
    private readonly int _nx, _ny;

    public SiteLookup(RockSaltSupercell cell, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        Cell = cell;
        Padding = padding;
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue;
        int maxX = int.MinValue, maxY = int.MinValue, maxZ = int.MinValue;
        void Cover(Int3 p)
        {
            minX = Math.Min(minX, p.X); minY = Math.Min(minY, p.Y); minZ = Math.Min(minZ, p.Z);
            maxX = Math.Max(maxX, p.X); maxY = Math.Max(maxY, p.Y); maxZ = Math.Max(maxZ, p.Z);
        }
        for (int i = 0; i < cell.CationCount; i++) Cover(cell.CationPosition(i));
        for (int j = 0; j < cell.AnionCount; j++) Cover(cell.AnionPosition(j));
        _min = new Int3(minX - padding, minY - padding, minZ - padding);
        _nx = maxX - minX + 1 + 2 * padding;
        _ny = maxY - minY + 1 + 2 * padding;
        int nz = maxZ - minZ + 1 + 2 * padding;
        long size = (long)_nx * _ny * nz;
        if (size > Array.MaxLength)
            throw new ArgumentException($"supercell bounding box of {size} points is too large for a site table");
        _table = new int[size];
        for (int z = 0; z < nz; z++)
            for (int y = 0; y < _ny; y++)
                for (int x = 0; x < _nx; x++)
                {
                    var p = _min + new Int3(x, y, z);
                    _table[(z * _ny + y) * _nx + x] = p.IsCationSite ? cell.CationIndex(p) : cell.AnionIndex(p);
                }
        _cationBase = new int[cell.CationCount];
        for (int i = 0; i < _cationBase.Length; i++) _cationBase[i] = Linear(cell.CationPosition(i));
        _anionBase = new int[cell.AnionCount];
        for (int j = 0; j < _anionBase.Length; j++) _anionBase[j] = Linear(cell.AnionPosition(j));
    }

    public RockSaltSupercell Cell { get; }

    /// <summary>Largest |offset component| (units of a/2) that lookups from a site may use.</summary>
    public int Padding { get; }

    /// <summary>Table position of site <paramref name="index"/> of <paramref name="sublattice"/>.</summary>
    public int Base(Sublattice sublattice, int index)
        => sublattice == Sublattice.Cation ? _cationBase[index] : _anionBase[index];

    /// <summary>The table positions of all cation (or anion) sites, for hot loops.</summary>
    public ReadOnlySpan<int> Bases(Sublattice sublattice) => sublattice == Sublattice.Cation ? _cationBase : _anionBase;

    /// <summary>Constant added to a site's table position to reach the site at offset <paramref name="o"/>.</summary>
    public int Delta(Int3 o)
    {
        if (Math.Max(Math.Abs(o.X), Math.Max(Math.Abs(o.Y), Math.Abs(o.Z))) > Padding)
            throw new ArgumentOutOfRangeException(nameof(o), $"offset {o} exceeds the lookup padding {Padding}");
        return (o.Z * _ny + o.Y) * _nx + o.X;
    }

    /// <summary>Site index (within its sublattice) at a table position.</summary>
    public int SiteAt(int position) => _table[position];

    public ReadOnlySpan<int> Table => _table;

    private int Linear(Int3 p) => ((p.Z - _min.Z) * _ny + (p.Y - _min.Y)) * _nx + (p.X - _min.X);
}
