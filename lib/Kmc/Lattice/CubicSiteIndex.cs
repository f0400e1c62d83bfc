using Pipeline.RockSalt;

namespace Pipeline.Kmc.Lattice;

/// <summary>Arithmetic site indexing of a cubic L x L x L rock-salt supercell, so the kMC hot loop reads no
/// neighbour tables (a 10^6-site cell's tables are ~70 MB and every lookup would miss the cache).
/// Cation (and anion) index = (z 2L + y) L + x/2 with coordinates in units of a/2 in [0, 2L); the formula is checked
/// against <see cref="RockSaltSupercell"/> for every site at construction, so the two orders can never disagree.
/// Also defines the event-storage order ("slots"): bricks of 4 x 4 x 4 (a/2)^3 = 32 cation sites, so the events a
/// hop touches lie in a few kilobytes instead of being spread over the whole cell.</summary>
public sealed class CubicSiteIndex
{
    private const int Margin = 16; // largest |offset| component the wrap table accepts
    private readonly int _l, _twoL, _plane, _bricks;
    private readonly ulong _planeInverse, _lInverse; // for division by multiplication (Lemire): the hot loop divides a lot
    private readonly int[] _wrap; // coordinate + Margin -> periodic coordinate in [0, 2L)
    private readonly int[] _brickOrigin; // brick -> packed (4 bx, 4 by, 4 bz), 8 bits each

    public CubicSiteIndex(RockSaltSupercell cell)
    {
        if (cell.T1.Y != 0 || cell.T1.Z != 0 || cell.T2.X != 0 || cell.T2.Z != 0 || cell.T3.X != 0 || cell.T3.Y != 0
            || cell.T1.X != cell.T2.Y || cell.T1.X != cell.T3.Z)
            throw new ArgumentException($"the kMC lattice needs a cubic supercell (L x L x L conventional cells); got translations {cell.T1}, {cell.T2}, {cell.T3}");
        _twoL = cell.T1.X;
        _l = _twoL / 2;
        _plane = _twoL * _l;
        _planeInverse = Inverse(_plane);
        _lInverse = Inverse(_l);
        _bricks = (_twoL + 3) / 4;
        _wrap = new int[_twoL + 2 * Margin];
        for (int k = 0; k < _wrap.Length; k++) _wrap[k] = ((k - Margin) % _twoL + _twoL) % _twoL;
        if (_twoL > 255) throw new ArgumentException($"cubic kMC cells are limited to L <= 127 (got L = {_l})");
        _brickOrigin = new int[_bricks * _bricks * _bricks];
        for (int bz = 0; bz < _bricks; bz++)
            for (int by = 0; by < _bricks; by++)
                for (int bx = 0; bx < _bricks; bx++)
                    _brickOrigin[(bz * _bricks + by) * _bricks + bx] = (4 * bx) | (4 * by) << 8 | (4 * bz) << 16;
        for (int i = 0; i < cell.CationCount; i++)
        {
            var p = cell.CationPosition(i);
            if (Compose(p.X, p.Y, p.Z) != i || Coordinates(i) != (p.X, p.Y, p.Z) || SiteOfSlot(Slot(i)) != i)
                throw new InvalidOperationException($"cubic cation index formula disagrees with the supercell at site {i} {p}");
        }
        for (int j = 0; j < cell.AnionCount; j++)
        {
            var p = cell.AnionPosition(j);
            if (Compose(p.X, p.Y, p.Z) != j)
                throw new InvalidOperationException($"cubic anion index formula disagrees with the supercell at anion {j} {p}");
        }
        CationCount = cell.CationCount;
        SlotCount = _bricks * _bricks * _bricks * 32;
    }

    /// <summary>Largest offset component supported by the offset methods.</summary>
    public static int MaxOffset => Margin;

    public int CationCount { get; }

    /// <summary>Number of event slots (cation sites plus padding of partial bricks).</summary>
    public int SlotCount { get; }

    /// <summary>Coordinates (units of a/2, each in [0, 2L)) of cation site <paramref name="site"/>.</summary>
    public (int X, int Y, int Z) Coordinates(int site)
    {
        int z = Divide(site, _planeInverse);
        int r = site - z * _plane;
        int y = Divide(r, _lInverse);
        int x = 2 * (r - y * _l) + ((y + z) & 1);
        return (x, y, z);
    }

    // n / d for 0 <= n < 2^32 with inverse = ceil(2^64 / d): exact for 32-bit operands (Lemire, Kaser and Kurz 2019),
    // and a multiply instead of a ~30-cycle integer division. 2^64 (d = 1) does not fit: 0 stands for it.
    private static ulong Inverse(int d) => d == 1 ? 0 : ulong.MaxValue / (ulong)d + 1;

    private static int Divide(int n, ulong inverse) => inverse == 0 ? n : (int)Math.BigMul(inverse, (ulong)(uint)n, out _);

    /// <summary>Index of the site (cation or anion, by parity) at in-range coordinates plus an offset (|offset| &lt;= 16).</summary>
    public int At(int x, int y, int z, int dx, int dy, int dz)
        => Compose(_wrap[x + dx + Margin], _wrap[y + dy + Margin], _wrap[z + dz + Margin]);

    /// <summary>In-range coordinates plus an offset, wrapped back into [0, 2L).</summary>
    public (int X, int Y, int Z) Wrap(int x, int y, int z, int dx, int dy, int dz)
        => (_wrap[x + dx + Margin], _wrap[y + dy + Margin], _wrap[z + dz + Margin]);

    /// <summary>Per-axis parts of the index of (x, y, z) + offsets -r..r: index(x + dx, y + dy, z + dz) =
    /// xTerm[dx + r] + yTerm[dy + r] + zTerm[dz + r]. Lets a stencil of many offsets around one site be indexed with
    /// 3 (2r + 1) table lookups and two additions per offset.</summary>
    public void AxisTerms(int x, int y, int z, int r, Span<int> xTerm, Span<int> yTerm, Span<int> zTerm)
    {
        for (int k = -r; k <= r; k++)
        {
            xTerm[k + r] = _wrap[x + k + Margin] >> 1;
            yTerm[k + r] = _wrap[y + k + Margin] * _l;
            zTerm[k + r] = _wrap[z + k + Margin] * _plane;
        }
    }

    /// <summary>Index of the site at in-range coordinates.</summary>
    public int Compose(int x, int y, int z) => z * _plane + y * _l + (x >> 1);

    /// <summary>Cation index of site i displaced by <paramref name="d"/> (units of a/2, even sum, |components| &lt;= 16).</summary>
    public int Offset(int site, Int3 d)
    {
        var (x, y, z) = Coordinates(site);
        return At(x, y, z, d.X, d.Y, d.Z);
    }

    /// <summary>Event slot of cation site <paramref name="site"/>.</summary>
    public int Slot(int site)
    {
        var (x, y, z) = Coordinates(site);
        return Slot(x, y, z);
    }

    public int Slot(int x, int y, int z)
    {
        int brick = ((z >> 2) * _bricks + (y >> 2)) * _bricks + (x >> 2);
        return (brick << 5) | ((((z & 3) << 2) | (y & 3)) << 1) | ((x & 3) >> 1);
    }

    /// <summary>Cation site of an event slot, or -1 for a padding slot of a partial brick.</summary>
    public int SiteOfSlot(int slot)
    {
        var (x, y, z) = SlotCoordinates(slot);
        if (x >= _twoL || y >= _twoL || z >= _twoL) return -1;
        return Compose(x, y, z);
    }

    /// <summary>Coordinates of an event slot (beyond [0, 2L) for padding slots).</summary>
    public (int X, int Y, int Z) SlotCoordinates(int slot)
    {
        int origin = _brickOrigin[slot >> 5], inner = slot & 31;
        int yl = (inner >> 1) & 3, zl = inner >> 3;
        return ((origin & 0xFF) + 2 * (inner & 1) + ((yl + zl) & 1), ((origin >> 8) & 0xFF) + yl, (origin >> 16) + zl);
    }
}
