using Pipeline.RockSalt;

namespace Pipeline.Kmc.Lattice;

/// <summary>Fills a <see cref="HopAnatomy"/> arithmetically from the initial site's coordinates, with the same site
/// order as <see cref="RockSaltSupercell.Anatomy"/> (the parts' offsets are read once from that method on a
/// reference cell). Avoids the supercell's neighbour tables in the kMC hot loop; tests check both agree.</summary>
public sealed class AnatomyStencil
{
    private static readonly Lazy<Parts[]> s_parts = new(BuildParts);
    private static readonly Lazy<int[][]> s_flat = new(() => s_parts.Value.Select(Flatten).ToArray());
    private readonly CubicSiteIndex _index;
    private readonly int[][] _flat;

    private sealed class Parts
    {
        public required Int3 Final;
        public required Int3[] GatesT1, GatesT2, OtherI, OtherF;          // cation offsets
        public required Int3[] Dumbbell, ApexT1, ApexT2, Back;            // anion offsets
    }

    public AnatomyStencil(CubicSiteIndex index)
    {
        _index = index;
        _flat = s_flat.Value;
    }

    private static Parts[] BuildParts()
    {
        var parts = new Parts[12];
        var cell = RockSaltSupercell.Cubic(4, 1.0);
        var origin = new Int3(4, 4, 4);
        int o = cell.CationIndex(origin);
        for (int d = 0; d < 12; d++)
        {
            var a = new HopAnatomy();
            cell.Anatomy(o, d, ref a);
            Int3 C(int site) => cell.MinimumImage(cell.CationPosition(site) - origin);
            Int3 A(int site) => cell.MinimumImage(cell.AnionPosition(site) - origin);
            parts[d] = new Parts
            {
                Final = C(a.Final),
                GatesT1 = [C(a.GatesT1[0]), C(a.GatesT1[1])],
                GatesT2 = [C(a.GatesT2[0]), C(a.GatesT2[1])],
                OtherI = Enumerable.Range(0, 7).Select(k => C(a.OtherNnInitial[k])).ToArray(),
                OtherF = Enumerable.Range(0, 7).Select(k => C(a.OtherNnFinal[k])).ToArray(),
                Dumbbell = [A(a.Dumbbell[0]), A(a.Dumbbell[1])],
                ApexT1 = [A(a.ApexT1[0]), A(a.ApexT1[1])],
                ApexT2 = [A(a.ApexT2[0]), A(a.ApexT2[1])],
                Back = Enumerable.Range(0, 4).Select(k => A(a.Back[k])).ToArray(),
            };
        }
        return parts;
    }

    public void Fill(int initial, int direction, ref HopAnatomy a)
    {
        var (x, y, z) = _index.Coordinates(initial);
        Span<int> xt = stackalloc int[2 * Reach + 1], yt = stackalloc int[2 * Reach + 1], zt = stackalloc int[2 * Reach + 1];
        _index.AxisTerms(x, y, z, Reach, xt, yt, zt);
        var o = _flat[direction]; // (dx, dy, dz) + Reach per part, in the order below
        Span<int> s = stackalloc int[PartCount];
        for (int k = 0; k < PartCount; k++) s[k] = xt[o[3 * k]] + yt[o[3 * k + 1]] + zt[o[3 * k + 2]];
        a.Initial = initial;
        a.Direction = direction;
        a.Final = s[0];
        a.GatesT1[0] = s[1]; a.GatesT1[1] = s[2];
        a.GatesT2[0] = s[3]; a.GatesT2[1] = s[4];
        a.Dumbbell[0] = s[5]; a.Dumbbell[1] = s[6];
        a.ApexT1[0] = s[7]; a.ApexT1[1] = s[8];
        a.ApexT2[0] = s[9]; a.ApexT2[1] = s[10];
        for (int b = 0; b < 4; b++) a.Back[b] = s[11 + b];
        for (int n = 0; n < 7; n++) a.OtherNnInitial[n] = s[15 + n];
        for (int n = 0; n < 7; n++) a.OtherNnFinal[n] = s[22 + n];
    }

    // Every anatomy part lies within 2 (units of a/2) of I along each axis; F + 4 gates + 2 + 4 apex + 4 back + 14.
    private const int Reach = 2, PartCount = 29;

    private static int[] Flatten(Parts p)
    {
        Int3[] order = [p.Final, .. p.GatesT1, .. p.GatesT2, .. p.Dumbbell, .. p.ApexT1, .. p.ApexT2, .. p.Back, .. p.OtherI, .. p.OtherF];
        var flat = new int[3 * order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            var v = order[i];
            if (Math.Max(Math.Abs(v.X), Math.Max(Math.Abs(v.Y), Math.Abs(v.Z))) > Reach)
                throw new InvalidOperationException($"anatomy offset {v} is beyond {Reach}");
            (flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]) = (v.X + Reach, v.Y + Reach, v.Z + Reach);
        }
        return flat;
    }

    /// <summary>All cation offsets (from I) the anatomy names: I, F, the 4 gates and the 14 other NN.</summary>
    public static HashSet<Int3> CationOffsets(int direction)
    {
        var p = s_parts.Value[direction];
        return new HashSet<Int3>([default, p.Final, .. p.GatesT1, .. p.GatesT2, .. p.OtherI, .. p.OtherF]);
    }

}
