using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>The 48 operations of the cubic point group Oh about a cation site: every permutation of the axes
/// combined with every sign change. With the fcc translations they make the rock-salt space group Fm-3m
/// (symmorphic, so no fractional translations are needed). Each operation maps cation sites to cation sites and
/// anion sites to anion sites.</summary>
public static class PointGroup
{
    private static readonly int[][] s_permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    public const int Count = 48;

    /// <summary>Applies operation <paramref name="op"/> (0..47) to a lattice point.</summary>
    public static Int3 Apply(int op, Int3 p)
    {
        var perm = s_permutations[op >> 3];
        int signs = op & 7;
        Span<int> c = [p.X, p.Y, p.Z];
        return new Int3(
            (signs & 1) != 0 ? -c[perm[0]] : c[perm[0]],
            (signs & 2) != 0 ? -c[perm[1]] : c[perm[1]],
            (signs & 4) != 0 ? -c[perm[2]] : c[perm[2]]);
    }
}
