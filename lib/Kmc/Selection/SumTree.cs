namespace Pipeline.Kmc.Selection;

/// <summary>A sum tree over non-negative weights with O(log n) update and weighted sampling. It is 8-ary: the
/// 8 children of a node are contiguous (one cache line of doubles), so an update or a descent touches about
/// log8(n) lines instead of log2(n), which is what keeps per-event cost flat up to 10^6 leaves.
/// Each parent is recomputed from its children (never incremented), so no rounding drift accumulates.</summary>
public sealed class SumTree
{
    private const int Fan = 8;
    private const int Shift = 3;

    private readonly double[] _nodes;   // all levels, leaves first, root last
    private readonly int[] _levelStart; // offset of each level in _nodes
    private readonly int _levels;

    public SumTree(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        var starts = new List<int>();
        int size = Math.Max(RoundUp(count), Fan), total = 0;
        while (true)
        {
            starts.Add(total);
            total += size;
            if (size == 1) break;
            size = size / Fan == 1 ? 1 : RoundUp(size / Fan);
        }
        _levelStart = starts.ToArray();
        _levels = starts.Count;
        _nodes = new double[total];
    }

    /// <summary>Number of leaves.</summary>
    public int Count { get; }

    /// <summary>Sum of all weights.</summary>
    public double Total => _nodes[^1];

    public double this[int leaf] => _nodes[leaf];

    /// <summary>Sets leaf <paramref name="leaf"/> to <paramref name="weight"/> (&gt;= 0) and refreshes its ancestors.</summary>
    public void Set(int leaf, double weight)
    {
        if ((uint)leaf >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(leaf));
        if (!(weight >= 0)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weights must be >= 0");
        var nodes = _nodes;
        nodes[leaf] = weight;
        int index = leaf;
        for (int level = 1; level < _levels; level++)
        {
            int group = index & ~(Fan - 1);
            int child = _levelStart[level - 1] + group;
            index >>= Shift;
            nodes[_levelStart[level] + index] = GroupSum(nodes, child);
        }
    }

    /// <summary>Sets a leaf without refreshing its ancestors: call <see cref="Refresh"/> with the changed leaves
    /// before the next <see cref="Total"/> or <see cref="Sample(double)"/>. A batch shares the upper levels of its
    /// paths, so refreshing it at once costs far fewer node sums than one <see cref="Set"/> per leaf.</summary>
    public void SetWithoutRefresh(int leaf, double weight)
    {
        if ((uint)leaf >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(leaf));
        if (!(weight >= 0)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weights must be >= 0");
        _nodes[leaf] = weight;
    }

    /// <summary>Refreshes the ancestors of the given changed leaves. The span is used as scratch (overwritten).</summary>
    public void Refresh(Span<int> leaves)
    {
        var nodes = _nodes;
        // Sorted once (batches are small: insertion sort); a parent index is monotone in its child index, so each
        // level only needs adjacent duplicates removed.
        for (int k = 1; k < leaves.Length; k++)
        {
            int v = leaves[k], j = k - 1;
            while (j >= 0 && leaves[j] > v) { leaves[j + 1] = leaves[j]; j--; }
            leaves[j + 1] = v;
        }
        int n = leaves.Length;
        for (int level = 1; level < _levels && n > 0; level++)
        {
            int unique = 0;
            for (int k = 0; k < n; k++)
            {
                int parent = leaves[k] >> Shift;
                if (unique == 0 || leaves[unique - 1] != parent) leaves[unique++] = parent;
            }
            n = unique;
            int start = _levelStart[level], childStart = _levelStart[level - 1];
            for (int k = 0; k < n; k++) nodes[start + leaves[k]] = GroupSum(nodes, childStart + (leaves[k] << Shift));
        }
    }

    /// <summary>Sets every leaf at once (O(n)); faster than n calls to <see cref="Set"/>.</summary>
    public void Fill(ReadOnlySpan<double> weights)
    {
        if (weights.Length != Count) throw new ArgumentException($"expected {Count} weights, got {weights.Length}");
        foreach (var w in weights)
            if (!(w >= 0)) throw new ArgumentOutOfRangeException(nameof(weights), w, "weights must be >= 0");
        Array.Clear(_nodes);
        weights.CopyTo(_nodes);
        for (int level = 1; level < _levels; level++)
        {
            int start = _levelStart[level], childStart = _levelStart[level - 1];
            int groups = (start - childStart) / Fan; // padding nodes beyond the last group stay 0
            for (int k = 0; k < groups; k++) _nodes[start + k] = GroupSum(_nodes, childStart + k * Fan);
        }
    }

    /// <summary>The leaf whose cumulative-weight interval contains <paramref name="target"/> (0 &lt;= target &lt; Total).
    /// Rounding can leave a target at or past the end of a group; it then falls to the last positive child, so
    /// the result always has a positive weight while <see cref="Total"/> &gt; 0.</summary>
    public int Sample(double target) => Sample(target, out _);

    /// <summary>As <see cref="Sample(double)"/>, also returning the part of <paramref name="target"/> that falls
    /// inside the chosen leaf (in [0, weight)), so a caller can pick among sub-events without another random number.</summary>
    public int Sample(double target, out double residual)
    {
        var nodes = _nodes;
        int index = 0;
        for (int level = _levels - 2; level >= 0; level--)
        {
            int first = _levelStart[level] + index * Fan;
            int chosen = -1, lastPositive = -1;
            for (int c = 0; c < Fan; c++)
            {
                double w = nodes[first + c];
                if (w <= 0) continue;
                lastPositive = c;
                if (target < w) { chosen = c; break; }
                target -= w;
            }
            if (chosen < 0)
            {
                if (lastPositive < 0) throw new InvalidOperationException("sampling from a sum tree with zero total weight");
                chosen = lastPositive;
                target = nodes[first + chosen] * 0.5;
            }
            index = index * Fan + chosen;
        }
        residual = target;
        return index;
    }

    private static double GroupSum(double[] nodes, int first)
        => ((nodes[first] + nodes[first + 1]) + (nodes[first + 2] + nodes[first + 3]))
         + ((nodes[first + 4] + nodes[first + 5]) + (nodes[first + 6] + nodes[first + 7]));

    private static int RoundUp(int n) => (n + Fan - 1) & ~(Fan - 1);
}
