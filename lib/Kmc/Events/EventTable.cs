using System.Numerics;
using System.Runtime.CompilerServices;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Selection;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Events;

/// <summary>Rates of every hop event, one row per cation site holding its 12 directions; a rate is non-zero only when
/// its site holds Li and its target is vacant. Rows are stored in the brick order of <see cref="CubicSiteIndex"/>
/// (4 x 4 x 4 bricks of 32 sites), so the events a hop touches are close in memory. Selection is rejection-free: an
/// 8-ary sum tree over groups of 8 consecutive rows, then the group's 8 site sums, then the site's 12 rates. After a
/// hop only the events named by the impact stencil of the two changed sites are recomputed.</summary>
public sealed class EventTable
{
    private const byte Li = Chemistry.Mobile, Vac = Chemistry.Vacancy; // the mobile ion ("Li") whatever the chemistry
    private const int BrickShift = 3, BrickSize = 1 << BrickShift;
    private static readonly Int3[] s_nn = HopGeometry.NeighborVectors.ToArray();
    private readonly KmcLattice _lattice;
    private readonly CubicSiteIndex _index;
    private readonly IBarrierProvider _barriers;
    private readonly ImpactStencil _stencil;
    // Per slot one row, aligned to cache lines: 12 rates, the possible-mask word, 3 unused; for a provider that
    // splits its barrier a second line follows with the 12 cached local terms (the adjacent-line prefetch of the
    // hardware brings it along). Single precision: a rate's relative rounding is below 6e-8, far below any statistical
    // error, and it halves the memory a 10^6-site cell streams through.
    private readonly float[] _rates;
    private readonly int _rowBase;      // index of the first row (64-byte aligned)
    private readonly int _rowStride;    // 16 or 32 floats
    private const int LocalTermOffset = 16;
    private readonly bool _split;
    private readonly double[] _siteSum; // per slot: its 12 rates summed
    private readonly SumTree _bricks;   // per group of 8 rows ("brick" here): its site sums summed
    private readonly double _nu, _beta;

    // Per-hop scratch: the affected Li sites (each once: the hop stencil is merged at construction), their direction
    // masks and event slots, and the distinct bricks to refresh.
    private readonly int[] _pendingSite, _pendingMask, _pendingXyz, _pendingSlot, _pendingBrick;
    private readonly bool _prefetch;
    private int _pending;

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
        _split = barriers.SplitsLocalTerm;
        _rowStride = _split ? 32 : 16;
        // Pinned so the alignment of the rows to cache lines survives the GC.
        _rates = GC.AllocateArray<float>(_rowStride * _index.SlotCount + 16, pinned: true);
        _rowBase = AlignedBase(_rates);
        _siteSum = new double[_index.SlotCount];
        _bricks = new SumTree(_index.SlotCount >> BrickShift);
        int capacity = _stencil.HopLength;
        _pendingSite = new int[capacity];
        _pendingMask = new int[capacity];
        _pendingXyz = new int[capacity];
        _pendingSlot = new int[capacity];
        _pendingBrick = new int[capacity + 1];
        // Software prefetch pays only when the rate rows do not fit in the caches.
        _prefetch = _rates.Length * sizeof(float) > 8 << 20;
        RecomputeAll();
    }

    public double TotalRate => _bricks.Total;

    public ImpactStencil Stencil => _stencil;

    /// <summary>Events (site, direction) the last <see cref="AfterHop"/> re-examined: affected directions of the Li
    /// sites, less those a splitting provider could skip (dE-only changes of impossible events).</summary>
    public int LastRecomputed { get; private set; }

    public double Rate(int site, int direction) => _rates[Row(_index.Slot(site)) + direction];

    /// <summary>Activation energy recovered from a rate: Ea = -kT ln(rate/nu).</summary>
    public double BarrierOf(double rate) => rate == (double)_lastRate ? _lastBarrier : -Math.Log(rate / _nu) / _beta;

    /// <summary>Recomputes every event from scratch (start of a run, and the reference the tests compare with).</summary>
    public void RecomputeAll()
    {
        _barriers.Rebuild(_lattice);
        Array.Clear(_rates);
        Array.Clear(_siteSum);
        var cations = _lattice.Cations;
        for (int site = 0; site < cations.Length; site++)
        {
            if (cations[site] != Li) continue;
            var (x, y, z) = _index.Coordinates(site);
            int slot = _index.Slot(x, y, z);
            _siteSum[slot] = Recompute(site, slot, x, y, z, AllWithLocal);
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
        int b = Row(slot), last = -1;
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

    /// <summary>Announces the hop about to be executed: lists the sites whose events it may affect (geometry only)
    /// and, in cells too large for the caches, requests their memory now, so the misses overlap with the hop itself.
    /// Optional: <see cref="AfterHop"/> does it when it was not called.</summary>
    public void BeforeHop(int from, int direction)
    {
        Gather(from, direction);
        if (_prefetch) PrefetchPending();
    }

    /// <summary>Updates the events after the Li on <paramref name="from"/> moved along <paramref name="direction"/> to
    /// <paramref name="to"/> (the lattice already shows the new configuration).</summary>
    public void AfterHop(int from, int direction, int to)
    {
        if (from != _gatheredFrom || direction != _gatheredDirection) Gather(from, direction);
        _gatheredFrom = -1;
        _barriers.AfterHop(_lattice, from, direction, to);
        var cations = _lattice.Cations;
        int fromSlot = _index.Slot(from);
        var bricks = _pendingBrick;
        int unique = 0;
        _recomputed = 0;
        AddBrick(bricks, ref unique, fromSlot >> BrickShift);
        for (int k = 0; k < _pending; k++)
        {
            int site = _pendingSite[k];
            if (cations[site] != Li) continue;
            int xyz = _pendingXyz[k], slot = _pendingSlot[k], mask = _pendingMask[k];
            _siteSum[slot] = Recompute(site, slot, xyz & 0xFF, (xyz >> 8) & 0xFF, xyz >> 16, mask);
            AddBrick(bricks, ref unique, slot >> BrickShift);
        }
        // The site the Li left has no events any more.
        Array.Clear(_rates, Row(fromSlot), 13); // its rates and its possible-mask
        _siteSum[fromSlot] = 0;

        // Distinct bricks (a handful: a linear scan beats sorting), their sums, then the tree above them.
        for (int k = 0; k < unique; k++) _bricks.SetWithoutRefresh(bricks[k], BrickSum(bricks[k]));
        _bricks.Refresh(bricks.AsSpan(0, unique));
        LastRecomputed = _recomputed;
    }

    private static void AddBrick(int[] bricks, ref int count, int brick)
    {
        for (int k = 0; k < count; k++)
            if (bricks[k] == brick) return;
        bricks[count++] = brick;
    }

    // The pending sites' rate rows are independent cache misses at 10^6 sites: request them all before using any.
    private unsafe void PrefetchPending()
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        fixed (float* rates = _rates)
        fixed (double* sums = _siteSum)
        {
            for (int k = 0; k < _pending; k++)
            {
                int slot = _pendingSlot[k];
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(rates + Row(slot));
                // BrickSum reads the whole brick.
                double* brick = sums + (slot & ~(BrickSize - 1));
                for (int o = 0; o < BrickSize; o += 8) System.Runtime.Intrinsics.X86.Sse.Prefetch0(brick + o);
            }
        }
    }

    private unsafe void PrefetchBrick(int firstSlot)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        fixed (double* sums = _siteSum)
        {
            double* p = sums + firstSlot;
            for (int o = 0; o < BrickSize; o += 8) System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + o);
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

    private int _gatheredFrom = -1, _gatheredDirection = -1, _recomputed;

    /// <summary>Lists the sites (with their direction masks) whose events a hop along <paramref name="direction"/>
    /// from <paramref name="from"/> may affect; only those that hold Li after the hop have events.</summary>
    private void Gather(int from, int direction)
    {
        var index = _index;
        var (x, y, z) = index.Coordinates(from);
        var (offsets, masks) = _stencil.ForHop(direction);
        for (int k = 0; k < offsets.Length; k++)
        {
            var o = offsets[k];
            var (sx, sy, sz) = index.Wrap(x, y, z, o.X, o.Y, o.Z);
            // In cells smaller than the stencil two offsets can wrap onto one site: it is then recomputed twice,
            // which is harmless (a recomputation is a pure function of the configuration).
            _pendingSite[k] = index.Compose(sx, sy, sz);
            _pendingMask[k] = masks[k];
            _pendingXyz[k] = sx | sy << 8 | sz << 16;
            _pendingSlot[k] = index.Slot(sx, sy, sz);
        }
        _pending = offsets.Length;
        _gatheredFrom = from;
        _gatheredDirection = direction;
    }

    // Barriers repeat (always, for a constant barrier): remember the last exponential.
    private double _lastBarrier = double.NaN;
    private float _lastRate;

    private float RateOf(double barrier)
    {
        if (barrier != _lastBarrier)
        {
            _lastBarrier = barrier;
            _lastRate = (float)(_nu * Math.Exp(-_beta * barrier));
        }
        return _lastRate;
    }

    private const int AllWithLocal = ImpactStencil.DirectionBits | ImpactStencil.DirectionBits << ImpactStencil.LocalShift;

    /// <summary>Recomputes the masked directions of the Li on <paramref name="site"/> (see <see cref="ImpactStencil"/>
    /// for the mask); returns its 12 rates summed.
    /// <para>Whether a direction's target is vacant changes only when the target is one of the hop's two sites, and
    /// those are local offsets of every provider that splits its barrier. So a direction affected only through its
    /// non-local dependencies needs work only if its event exists (bit d of the row's possible-mask, kept in the
    /// row's spare word); and its cached local term is current, because an event becomes possible only through a
    /// local change (F empties, or a Li arrives on I).</para></summary>
    private double Recompute(int site, int slot, int x, int y, int z, int mask)
    {
        var cations = _lattice.Cations;
        var rates = _rates;
        int b = Row(slot);
        ref int possible = ref PossibleMask(b);
        int local = mask >> ImpactStencil.LocalShift;
        uint bits = (uint)mask & ImpactStencil.DirectionBits;
        if (_split) bits &= (uint)(local | possible);
        _recomputed += BitOperations.PopCount(bits);
        while (bits != 0)
        {
            int d = BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            var v = s_nn[d];
            int target = _index.At(x, y, z, v.X, v.Y, v.Z);
            double barrier;
            if (!_split)
            {
                if (cations[target] != Vac) { rates[b + d] = 0f; continue; }
                barrier = _barriers.Barrier(_lattice, site, d, target);
            }
            else if ((local & 1 << d) != 0)
            {
                if (cations[target] != Vac) { rates[b + d] = 0f; possible &= ~(1 << d); continue; }
                possible |= 1 << d;
                float term = _barriers.LocalTerm(_lattice, site, d, target);
                rates[b + LocalTermOffset + d] = term;
                barrier = _barriers.Barrier(_lattice, site, d, target, term);
            }
            else barrier = _barriers.Barrier(_lattice, site, d, target, rates[b + LocalTermOffset + d]);
            rates[b + d] = RateOf(barrier);
        }
        return RowSum(rates, b);
    }

    /// <summary>Bit d set when direction d of the row's Li has a vacant target (maintained for splitting providers).</summary>
    private ref int PossibleMask(int row) => ref Unsafe.As<float, int>(ref _rates[row + 12]);

    /// <summary>The 12 rates of a row summed in a fixed pairwise order (short dependency chains).</summary>
    private static double RowSum(float[] r, int b)
        => (((double)r[b] + r[b + 1]) + ((double)r[b + 2] + r[b + 3])) + (((double)r[b + 4] + r[b + 5]) + ((double)r[b + 6] + r[b + 7]))
         + (((double)r[b + 8] + r[b + 9]) + ((double)r[b + 10] + r[b + 11]));

    private int Row(int slot) => _rowBase + _rowStride * slot;

    private static unsafe int AlignedBase(float[] pinned)
    {
        fixed (float* p = pinned)
        {
            long misalignment = (long)p & 63;
            return misalignment == 0 ? 0 : (int)((64 - misalignment) / sizeof(float));
        }
    }

}
