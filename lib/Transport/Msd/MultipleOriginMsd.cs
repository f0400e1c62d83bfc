using System.Runtime.CompilerServices;

namespace Pipeline.Transport.Msd;

/// <summary>Streaming MSD over multiple time origins. Frames arrive one at a time (unwrapped Cartesian positions of
/// the N mobile ions, 3N doubles); every <c>originStride</c>-th frame becomes a time origin, kept only while some
/// lag can still reach it, so memory is (max lag / stride) x 3N doubles whatever the trajectory length. For block
/// averaging the frames are cut into <c>blocks</c> equal consecutive segments; a pair (origin, frame) also counts
/// for its segment when both lie in it, so each block's MSD comes from its own stretch of time only.</summary>
public sealed class MultipleOriginMsd
{
    private readonly int _ions;
    private readonly long _frames;
    private readonly int[] _lags;
    private readonly int[] _lagIndex; // lag (frames) -> index in _lags, -1 when not evaluated
    private readonly int _stride;
    private readonly int _blocks;
    private readonly double[][] _originPositions;
    private readonly long[] _originFrame;
    private readonly double[] _originCollective; // 3 per origin slot
    private int _head, _count;
    private long _frame;

    private readonly double[] _tracer, _collective;
    private readonly long[] _origins;
    private readonly double[][] _blockTracer, _blockCollective;
    private readonly long[][] _blockOrigins;

    public MultipleOriginMsd(int ions, long frames, int[] lags, int originStride, int blocks)
    {
        if (ions < 1) throw new ArgumentOutOfRangeException(nameof(ions), ions, "no mobile ions to follow");
        if (lags.Length == 0 || lags[0] < 1) throw new ArgumentException("lags must be positive", nameof(lags));
        if (originStride < 1) throw new ArgumentOutOfRangeException(nameof(originStride), originStride, "the origin stride must be at least 1");
        if (blocks < 1) throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "at least one block");
        _ions = ions;
        _frames = frames;
        _lags = lags;
        _stride = originStride;
        _blocks = blocks;
        int maxLag = lags[^1];
        _lagIndex = new int[maxLag + 1];
        Array.Fill(_lagIndex, -1);
        for (int k = 0; k < lags.Length; k++) _lagIndex[lags[k]] = k;
        int capacity = maxLag / originStride + 2;
        _originPositions = new double[capacity][];
        for (int i = 0; i < capacity; i++) _originPositions[i] = new double[3 * ions];
        _originFrame = new long[capacity];
        _originCollective = new double[3 * capacity];
        _tracer = new double[lags.Length];
        _collective = new double[lags.Length];
        _origins = new long[lags.Length];
        _blockTracer = NewRows<double>(blocks, lags.Length);
        _blockCollective = NewRows<double>(blocks, lags.Length);
        _blockOrigins = NewRows<long>(blocks, lags.Length);
    }

    public int[] Lags => _lags;
    public int Blocks => _blocks;
    public long FramesSeen => _frame;

    /// <summary>Block (segment) of a frame: floor(frame * blocks / frames).</summary>
    public int BlockOf(long frame) => (int)Math.Min(_blocks - 1, frame * _blocks / Math.Max(_frames, 1));

    /// <summary>Adds the next frame's unwrapped positions (3N doubles, Angstrom; not kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<double> positions)
    {
        if (positions.Length != 3 * _ions)
            throw new ArgumentException($"frame has {positions.Length / 3} positions, expected {_ions}", nameof(positions));
        long t = _frame++;
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < positions.Length; i += 3) { cx += positions[i]; cy += positions[i + 1]; cz += positions[i + 2]; }
        int maxLag = _lags[^1];
        int capacity = _originFrame.Length;
        // Drop origins no lag can reach any more.
        while (_count > 0 && t - _originFrame[_head] > maxLag) { _head = (_head + 1) % capacity; _count--; }
        int blockT = BlockOf(t);
        for (int n = 0; n < _count; n++)
        {
            int slot = (_head + n) % capacity;
            long lag = t - _originFrame[slot];
            int k = _lagIndex[lag];
            if (k < 0) continue;
            var origin = _originPositions[slot];
            double self = 0;
            for (int i = 0; i < positions.Length; i++)
            {
                double d = positions[i] - origin[i];
                self += d * d;
            }
            double dx = cx - _originCollective[3 * slot], dy = cy - _originCollective[3 * slot + 1], dz = cz - _originCollective[3 * slot + 2];
            double collective = dx * dx + dy * dy + dz * dz;
            _tracer[k] += self; _collective[k] += collective; _origins[k]++;
            int blockO = BlockOf(_originFrame[slot]);
            if (blockO == blockT)
            {
                _blockTracer[blockO][k] += self; _blockCollective[blockO][k] += collective; _blockOrigins[blockO][k]++;
            }
        }
        if (t % _stride == 0 && t + _lags[0] < _frames)
        {
            int slot = (_head + _count) % capacity;
            positions.CopyTo(_originPositions[slot]);
            _originFrame[slot] = t;
            _originCollective[3 * slot] = cx; _originCollective[3 * slot + 1] = cy; _originCollective[3 * slot + 2] = cz;
            _count++;
        }
    }

    /// <summary>The MSD over every origin, with lag times = lag x <paramref name="frameTime"/>.</summary>
    public MsdCurve Result(double frameTime) => Curve(_tracer, _collective, _origins, frameTime);

    /// <summary>The MSD of block <paramref name="block"/> (pairs inside its segment only).</summary>
    public MsdCurve BlockResult(int block, double frameTime) => Curve(_blockTracer[block], _blockCollective[block], _blockOrigins[block], frameTime);

    private MsdCurve Curve(double[] tracer, double[] collective, long[] origins, double frameTime)
    {
        int n = _lags.Length;
        var times = new double[n];
        var t = new double[n];
        var c = new double[n];
        for (int k = 0; k < n; k++)
        {
            times[k] = _lags[k] * frameTime;
            t[k] = origins[k] == 0 ? double.NaN : tracer[k] / (origins[k] * (double)_ions);
            c[k] = origins[k] == 0 ? double.NaN : collective[k] / (origins[k] * (double)_ions);
        }
        return new MsdCurve(times, t, c, (long[])origins.Clone());
    }

    private static T[][] NewRows<T>(int rows, int columns)
    {
        var a = new T[rows][];
        for (int i = 0; i < rows; i++) a[i] = new T[columns];
        return a;
    }
}
