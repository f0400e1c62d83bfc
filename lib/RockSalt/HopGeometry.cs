namespace Pipeline.RockSalt;

/// <summary>Direction tables of the rock-salt hop anatomy (DOMAIN.md section 2), built once from lattice vectors.
/// A hop goes from cation I along NN vector v = e1 + e2 (e1, e2 signed unit axes); e3 is the third axis (+).
/// Tetrahedron T1 lies on the +e3 side, T2 on the -e3 side; which one is "up" is decided by chemistry
/// (<see cref="HopDescriptors"/>).</summary>
public static class HopGeometry
{
    /// <summary>The 12 cation-cation NN vectors in units of a/2. Opposite directions are paired: d ^ 1.</summary>
    public static ReadOnlySpan<Int3> NeighborVectors => s_nn;

    /// <summary>The 6 cation-anion (and anion-cation) vectors: +x, -x, +y, -y, +z, -z (opposite: d ^ 1).</summary>
    public static ReadOnlySpan<Int3> AnionVectors => s_an;

    private static readonly Int3[] s_nn =
    [
        new(1, 1, 0), new(-1, -1, 0), new(1, -1, 0), new(-1, 1, 0),
        new(1, 0, 1), new(-1, 0, -1), new(1, 0, -1), new(-1, 0, 1),
        new(0, 1, 1), new(0, -1, -1), new(0, 1, -1), new(0, -1, 1),
    ];

    private static readonly Int3[] s_an = [new(1, 0, 0), new(-1, 0, 0), new(0, 1, 0), new(0, -1, 0), new(0, 0, 1), new(0, 0, -1)];

    /// <summary>Per hop direction: which NN / anion directions make up each part of the anatomy.</summary>
    public sealed class Directions
    {
        /// <summary>NN directions from I to the gates: [0,1] of T1 (e1+e3, e2+e3), [2,3] of T2 (e1-e3, e2-e3).</summary>
        public required int[] Gates { get; init; }
        /// <summary>NN directions from I to its 7 other neighbours (not F, not a gate).</summary>
        public required int[] OtherFromInitial { get; init; }
        /// <summary>NN directions from F to its 7 other neighbours (not I, not a gate).</summary>
        public required int[] OtherFromFinal { get; init; }
        /// <summary>Anion directions from I to the dumbbell anions (+e1, +e2).</summary>
        public required int[] DumbbellFromInitial { get; init; }
        /// <summary>Anion directions: [0] from I (+e3), [1] from F (+e3): apex anions of T1.</summary>
        public required int ApexUpAxis { get; init; }
        /// <summary>Anion direction -e3 (apex of T2, from I and from F).</summary>
        public required int ApexDownAxis { get; init; }
        /// <summary>Anion directions from I to its back anions (-e1, -e2).</summary>
        public required int[] BackFromInitial { get; init; }
        /// <summary>Anion directions from F to its back anions (+e1, +e2).</summary>
        public required int[] BackFromFinal { get; init; }
        /// <summary>The third axis e3 in units of a/2 (unit vector): T1's centre is at I + (v + e3)/2.</summary>
        public required Int3 ThirdAxis { get; init; }
    }

    private static readonly Directions[] s_dirs = Enumerable.Range(0, 12).Select(Build).ToArray();

    public static Directions For(int direction) => s_dirs[direction];

    public static int NeighborDirection(Int3 v)
    {
        for (int d = 0; d < 12; d++)
            if (s_nn[d] == v) return d;
        throw new ArgumentException($"{v} is not a cation NN vector");
    }

    public static int AnionDirection(Int3 v)
    {
        for (int d = 0; d < 6; d++)
            if (s_an[d] == v) return d;
        throw new ArgumentException($"{v} is not a cation-anion vector");
    }

    private static Directions Build(int d)
    {
        var v = s_nn[d];
        int[] comps = [v.X, v.Y, v.Z];
        var axes = new List<Int3>();
        Int3 e3 = default;
        for (int k = 0; k < 3; k++)
        {
            var unit = new Int3(k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0);
            if (comps[k] != 0) axes.Add(comps[k] * unit);
            else e3 = unit;
        }
        Int3 e1 = axes[0], e2 = axes[1];
        int[] gates = [NeighborDirection(e1 + e3), NeighborDirection(e2 + e3), NeighborDirection(e1 - e3), NeighborDirection(e2 - e3)];
        var otherI = Enumerable.Range(0, 12).Where(k => k != d && !gates.Contains(k)).ToArray();
        // Seen from F, the gates sit at gate - v.
        var gatesFromF = gates.Select(g => NeighborDirection(s_nn[g] - v)).ToArray();
        var otherF = Enumerable.Range(0, 12).Where(k => k != (d ^ 1) && !gatesFromF.Contains(k)).ToArray();
        return new Directions
        {
            Gates = gates,
            OtherFromInitial = otherI,
            OtherFromFinal = otherF,
            DumbbellFromInitial = [AnionDirection(e1), AnionDirection(e2)],
            ApexUpAxis = AnionDirection(e3),
            ApexDownAxis = AnionDirection(-e3),
            BackFromInitial = [AnionDirection(-e1), AnionDirection(-e2)],
            BackFromFinal = [AnionDirection(e1), AnionDirection(e2)],
            ThirdAxis = e3,
        };
    }
}
