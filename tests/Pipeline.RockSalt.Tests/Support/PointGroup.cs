using Pipeline.RockSalt;

namespace Pipeline.RockSalt.Tests.Support;

/// <summary>The 48 operations of the cube's point group (signed permutations of the axes), as maps on lattice points.</summary>
public static class PointGroup
{
    public static IEnumerable<Func<Int3, Int3>> All()
    {
        int[][] permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        foreach (var p in permutations)
            for (int signs = 0; signs < 8; signs++)
            {
                int sx = (signs & 1) != 0 ? -1 : 1, sy = (signs & 2) != 0 ? -1 : 1, sz = (signs & 4) != 0 ? -1 : 1;
                var perm = p;
                yield return v =>
                {
                    int[] c = [v.X, v.Y, v.Z];
                    return new Int3(sx * c[perm[0]], sy * c[perm[1]], sz * c[perm[2]]);
                };
            }
    }
}
