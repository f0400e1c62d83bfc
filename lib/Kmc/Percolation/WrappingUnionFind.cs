using Pipeline.RockSalt;

namespace Pipeline.Kmc.Percolation;

/// <summary>Union-find that also tracks each node's unwrapped offset to its root (units of a/2). Joining two nodes
/// already in one cluster through a bond whose unwrapped offsets disagree closes a loop around the periodic cell:
/// the cluster wraps (spans the cell) along the axes where the mismatch (a supercell translation) is nonzero.</summary>
public sealed class WrappingUnionFind
{
    private readonly int[] _parent;
    private readonly Int3[] _offset; // position(node) - position(parent), unwrapped
    private readonly int[] _size;
    private readonly int[] _weight;
    private readonly byte[] _wrap;   // per root: bit k set when the cluster wraps along Cartesian axis k

    public WrappingUnionFind(int count)
    {
        _parent = new int[count];
        _offset = new Int3[count];
        _size = new int[count];
        _weight = new int[count];
        _wrap = new byte[count];
        for (int i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    /// <summary>Root of <paramref name="x"/>, with position(x) - position(root) in <paramref name="toRoot"/>.</summary>
    public int Find(int x, out Int3 toRoot)
    {
        int root = x;
        Int3 acc = default;
        while (_parent[root] != root) { acc += _offset[root]; root = _parent[root]; }
        // Path compression: point every node on the path at the root with its full offset.
        Int3 rest = acc;
        int y = x;
        while (_parent[y] != y)
        {
            int next = _parent[y];
            var o = _offset[y];
            _parent[y] = root;
            _offset[y] = rest;
            rest -= o;
            y = next;
        }
        toRoot = acc;
        return root;
    }

    public int Find(int x) => Find(x, out _);

    /// <summary>Joins a and b, where b sits at position(a) + <paramref name="bond"/> (unwrapped). Returns the root.</summary>
    public int Union(int a, int b, Int3 bond)
    {
        int ra = Find(a, out var oa);
        int rb = Find(b, out var ob);
        // position(rb) - position(ra) = oa + bond - ob.
        var between = oa + bond - ob;
        if (ra == rb)
        {
            _wrap[ra] |= AxisMask(between);
            return ra;
        }
        if (_size[ra] < _size[rb]) { (ra, rb) = (rb, ra); between = -between; }
        _parent[rb] = ra;
        _offset[rb] = between;
        _size[ra] += _size[rb];
        _weight[ra] += _weight[rb];
        _wrap[ra] |= _wrap[rb];
        return ra;
    }

    public int Size(int root) => _size[root];

    /// <summary>A per-cluster count (e.g. Li sites): add to a node, read at its root.</summary>
    public void AddWeight(int node, int amount) => _weight[Find(node)] += amount;

    public int Weight(int root) => _weight[root];

    public byte WrapMask(int root) => _wrap[root];

    private static byte AxisMask(Int3 v) => (byte)((v.X != 0 ? 1 : 0) | (v.Y != 0 ? 2 : 0) | (v.Z != 0 ? 4 : 0));
}
