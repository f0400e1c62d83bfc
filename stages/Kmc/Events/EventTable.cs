using System.Numerics;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Selection;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Events;

/// <summary>Rates of every hop event, one slot per (cation site, NN direction); a rate is non-zero only when its site
/// holds Li and its target is vacant. Sites are stored in the brick order of <see cref="CubicSiteIndex"/> (bricks of
/// 32 sites), so the events a hop touches are close in memory. Selection is two-level and rejection-free: a sum tree
/// over bricks (small enough to stay in cache even for 10^6 sites), then the brick's 32 site sums, then the site's
/// 12 rates. After a hop only the events named by the impact stencil of the two changed sites are recomputed.</summary>
public sealed class EventTable
{
    private const byte Li = (byte)Species.Li, Vac = (byte)Species.Vac;
    private const int BrickShift = 5, BrickSize = 1 << BrickShift;
    private static readonly Int3[] s_nn = HopGeometry.NeighborVectors.ToArray();
    private readonly KmcLattice _lattice;
    private readonly CubicSiteIndex _index;
    private readonly IBarrierProvider _barriers;
    private readonly ImpactStencil _stencil;
    private readonly double[] _rates;   // 12 per slot
    private readonly double[] _siteSum; // per slot: its 12 rates summed
    private readonly SumTree _bricks;   // per brick: its 32 site sums summed
    private readonly double _nu, _beta;

    // Per-hop scratch: the affected Li sites and their direction masks, deduplicated through a small open-addressing
    // table whose entries are valid only for the current epoch (no clearing, and it stays in L1 even for 10^6 sites).
    private readonly int[] _pendingSite, _pendingMask, _pendingXyz, _pendingSlot, _pendingBrick;
    private readonly bool _prefetch;
    private readonly int[] _hashSite, _hashEntry, _hashEpoch;
    private readonly int _hashMask;
    private int _epoch, _pending;

    /// <param name="nu">Attempt frequency (1/s).</param>
    /// <param name="temperature">Temperature (K).</param>
    public EventTable(KmcLattice lattice, IBarrierProvider barriers, double nu, double temperature)
    {
        if (!(nu > 0)) throw new ArgumentOutOfRangeException(nameof(nu), nu, "attempt frequency must be > 0");
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be > 0 K");
        _lattice = lattice;
        _index = lattice.Index;
        _barriers = barriers;
        _nu = nu;
        _beta = 1.0 / (Units.Boltzmann * temperature);
        _stencil = new ImpactStencil(barriers);
        _rates = new double[12 * _index.SlotCount];
        _siteSum = new double[_index.SlotCount];
        _bricks = new SumTree(_index.SlotCount >> BrickShift);
        int capacity = 2 * _stencil.Length;
        _pendingSite = new int[capacity];
        _pendingMask = new int[capacity];
        _pendingXyz = new int[capacity];
        _pendingSlot = new int[capacity];
        _pendingBrick = new int[capacity + 1];
        // Software prefetch pays only when the rate rows do not fit in the caches.
        _prefetch = _rates.Length * sizeof(double) > 8 << 20;
        int hashSize = (int)BitOperations.RoundUpToPowerOf2((uint)(4 * capacity));
        _hashSite = new int[hashSize];
        _hashEntry = new int[hashSize];
        _hashEpoch = new int[hashSize];
        _hashMask = hashSize - 1;
        RecomputeAll();
    }

    public double TotalRate => _bricks.Total;

    public ImpactStencil Stencil => _stencil;

    /// <summary>Events recomputed by the last <see cref="AfterHop"/> (Li sites times affected directions).</summary>
    public int LastRecomputed { get; private set; }

    public double Rate(int site, int direction) => _rates[12 * _index.Slot(site) + direction];

    /// <summary>Activation energy recovered from a rate: Ea = -kT ln(rate/nu).</summary>
    public double BarrierOf(double rate) => -Math.Log(rate / _nu) / _beta;

    /// <summary>Recomputes every event from scratch (start of a run, and the reference the tests compare with).</summary>
    public void RecomputeAll()
    {
        Array.Clear(_rates);
        Array.Clear(_siteSum);
        var cations = _lattice.Cations;
        for (int site = 0; site < cations.Length; site++)
        {
            if (cations[site] != Li) continue;
            var (x, y, z) = _index.Coordinates(site);
            int slot = _index.Slot(x, y, z);
            _siteSum[slot] = Recompute(site, slot, x, y, z, 0xFFF);
        }
        var brickSums = new double[_bricks.Count];
        for (int b = 0; b < brickSums.Length; b++) brickSums[b] = BrickSum(b);
        _bricks.Fill(brickSums);
    }

    /// <summary>Picks an event with probability rate/total for <paramref name="target"/> uniform in [0, total).
    /// Returns the Li site, the direction and the event's rate. Where rounding leaves the target past the end of a
    /// group (brick or site), the last positive member is taken.</summary>
    public (int Site, int Direction, double Rate) Select(double target)
    {
        int brick = _bricks.Sample(target, out double rest);
        var sums = _siteSum;
        int first = brick << BrickShift, slot = -1;
        PrefetchBrick(first);
        for (int k = first; k < first + BrickSize; k++)
        {
            double w = sums[k];
            if (w <= 0) continue;
            slot = k;
            if (rest < w) break;
            rest -= w;
        }
        if (slot < 0) throw new InvalidOperationException($"brick {brick} was selected but has no event");
        if (rest >= sums[slot]) rest = 0.5 * sums[slot];
        int b = 12 * slot, last = -1;
        for (int d = 0; d < 12; d++)
        {
            double r = _rates[b + d];
            if (r <= 0) continue;
            last = d;
            if (rest < r) break;
            rest -= r;
        }
        if (last < 0) throw new InvalidOperationException($"slot {slot} was selected but has no event");
        var (x, y, z) = _index.SlotCoordinates(slot);
        return (_index.Compose(x, y, z), last, _rates[b + last]);
    }

    /// <summary>Updates the events after the Li on <paramref name="from"/> moved to <paramref name="to"/>.</summary>
    public void AfterHop(int from, int to)
    {
        if (++_epoch == int.MaxValue)
        {
            Array.Clear(_hashEpoch);
            _epoch = 1;
        }
        _pending = 0;
        Collect(from);
        Collect(to);
        if (_prefetch) PrefetchPending();
        int recomputed = 0;
        for (int k = 0; k < _pending; k++)
        {
            int xyz = _pendingXyz[k];
            int slot = _pendingSlot[k];
            recomputed += BitOperations.PopCount((uint)_pendingMask[k]);
            _siteSum[slot] = Recompute(_pendingSite[k], slot, xyz & 0xFF, (xyz >> 8) & 0xFF, xyz >> 16, _pendingMask[k]);
            _pendingBrick[k] = slot >> BrickShift;
        }
        // The site the Li left has no events any more.
        int fromSlot = _index.Slot(from);
        Array.Clear(_rates, 12 * fromSlot, 12);
        _siteSum[fromSlot] = 0;
        _pendingBrick[_pending] = fromSlot >> BrickShift;

        // Distinct bricks (sorted, which the tree refresh wants too), their sums, then the tree above them.
        var bricks = _pendingBrick.AsSpan(0, _pending + 1);
        bricks.Sort();
        int unique = 0;
        for (int k = 0; k < bricks.Length; k++)
            if (unique == 0 || bricks[unique - 1] != bricks[k]) bricks[unique++] = bricks[k];
        bricks = bricks[..unique];
        foreach (int brick in bricks) _bricks.SetWithoutRefresh(brick, BrickSum(brick));
        _bricks.Refresh(bricks);
        LastRecomputed = recomputed;
    }

    // The pending sites' rate rows are independent cache misses at 10^6 sites: request them all before using any.
    private unsafe void PrefetchPending()
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        fixed (double* rates = _rates)
        fixed (double* sums = _siteSum)
        {
            for (int k = 0; k < _pending; k++)
            {
                int slot = _pendingSlot[k];
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(rates + 12 * slot);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(rates + 12 * slot + 8);
                // BrickSum reads the whole brick (4 lines).
                double* brick = sums + (slot & ~(BrickSize - 1));
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(brick);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(brick + 8);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(brick + 16);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(brick + 24);
            }
        }
    }

    private unsafe void PrefetchBrick(int firstSlot)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        fixed (double* sums = _siteSum)
        {
            double* p = sums + firstSlot;
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(p);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + 8);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + 16);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + 24);
        }
    }

    private double BrickSum(int brick)
    {
        var s = _siteSum;
        int f = brick << BrickShift;
        double total = 0;
        for (int k = 0; k < BrickSize; k += 4) total += (s[f + k] + s[f + k + 1]) + (s[f + k + 2] + s[f + k + 3]);
        return total;
    }

    private void Collect(int changed)
    {
        var cations = _lattice.Cations;
        var index = _index;
        var (x, y, z) = index.Coordinates(changed);
        var offsets = _stencil.Offsets;
        var masks = _stencil.Masks;
        var hashSite = _hashSite;
        var hashEpoch = _hashEpoch;
        int epoch = _epoch, hashMask = _hashMask;
        for (int k = 0; k < offsets.Length; k++)
        {
            var o = offsets[k];
            var (sx, sy, sz) = index.Wrap(x, y, z, o.X, o.Y, o.Z);
            int site = index.Compose(sx, sy, sz);
            if (cations[site] != Li) continue;
            int h = (int)(((uint)site * 0x9E3779B1u) >> 8) & hashMask;
            while (hashEpoch[h] == epoch && hashSite[h] != site) h = (h + 1) & hashMask;
            if (hashEpoch[h] == epoch)
            {
                _pendingMask[_hashEntry[h]] |= masks[k];
                continue;
            }
            hashEpoch[h] = epoch;
            hashSite[h] = site;
            _hashEntry[h] = _pending;
            _pendingSite[_pending] = site;
            _pendingMask[_pending] = masks[k];
            _pendingXyz[_pending] = sx | sy << 8 | sz << 16;
            _pendingSlot[_pending] = index.Slot(sx, sy, sz);
            _pending++;
        }
    }

    // Barriers repeat (always, for a constant barrier): remember the last exponential.
    private double _lastBarrier = double.NaN, _lastRate;

    private double RateOf(double barrier)
    {
        if (barrier != _lastBarrier)
        {
            _lastBarrier = barrier;
            _lastRate = _nu * Math.Exp(-_beta * barrier);
        }
        return _lastRate;
    }

    /// <summary>Recomputes the masked directions of the Li on <paramref name="site"/>; returns its 12 rates summed.</summary>
    private double Recompute(int site, int slot, int x, int y, int z, int mask)
    {
        var cations = _lattice.Cations;
        var rates = _rates;
        int b = 12 * slot;
        uint bits = (uint)mask;
        while (bits != 0)
        {
            int d = BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            var v = s_nn[d];
            int target = _index.At(x, y, z, v.X, v.Y, v.Z);
            rates[b + d] = cations[target] == Vac ? RateOf(_barriers.Barrier(_lattice, site, d, target)) : 0.0;
        }
        return RowSum(rates, b);
    }

    /// <summary>The 12 rates of a row summed in a fixed pairwise order (short dependency chains).</summary>
    private static double RowSum(double[] r, int b)
        => ((r[b] + r[b + 1]) + (r[b + 2] + r[b + 3])) + ((r[b + 4] + r[b + 5]) + (r[b + 6] + r[b + 7]))
         + ((r[b + 8] + r[b + 9]) + (r[b + 10] + r[b + 11]));
}
