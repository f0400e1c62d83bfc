using Pipeline.RockSalt;

namespace Pipeline.Kmc.Percolation;

/// <summary>The cation tetrahedra of the fcc cation sublattice. A tetrahedral interstice at c + (sx, sy, sz)/2
/// (units of a/2, s = +-1) has the four cations c, c + (sx, sy, 0), c + (sx, 0, sz), c + (0, sy, sz): a hop's
/// two endpoints and its two gates. Every cation is a vertex of 8 of them; taking only s = (+,+,+) and (-,-,-)
/// from every cation lists each tetrahedron exactly once.</summary>
public static class Tetrahedra
{
    /// <summary>Per sign pattern (8), the 3 vertex offsets besides c.</summary>
    public static Int3[][] VertexOffsets { get; } = BuildAll();

    /// <summary>Indices into <see cref="VertexOffsets"/> of the (+,+,+) and (-,-,-) patterns.</summary>
    public static ReadOnlySpan<int> UniquePatterns => [0, 7];

    private static Int3[][] BuildAll()
    {
        var all = new Int3[8][];
        for (int p = 0; p < 8; p++)
        {
            int sx = (p & 1) == 0 ? 1 : -1, sy = (p & 2) == 0 ? 1 : -1, sz = (p & 4) == 0 ? 1 : -1;
            all[p] = [new Int3(sx, sy, 0), new Int3(sx, 0, sz), new Int3(0, sy, sz)];
        }
        return all;
    }
}
