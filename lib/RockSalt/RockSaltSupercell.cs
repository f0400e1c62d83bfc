namespace Pipeline.RockSalt;

/// <summary>A periodic rock-salt supercell: the ideal sites, their dense indices, and neighbour tables.
/// Translations are three fcc lattice vectors in units of a/2 (any shape, non-orthogonal included). Site lookup
/// reduces a point modulo the translations exactly in integer arithmetic, then reads a dense index from a table
/// over the bounding box of the reduced cell, so every neighbour query is O(1) and allocation-free.</summary>
public sealed class RockSaltSupercell
{
    private readonly Int3 _t1, _t2, _t3;
    private readonly long _det;
    private readonly long[] _adj; // adjugate of the column matrix [t1 t2 t3], row-major
    private readonly Int3 _boxMin;
    private readonly int _boxX, _boxY, _boxZ;
    private readonly int[] _boxToSite; // >= 0: cation index; < 0: ~anion index
    private readonly Int3[] _cationPos;
    private readonly Int3[] _anionPos;
    private readonly int[] _cationNn;     // 12 per cation, in HopGeometry.NeighborVectors order
    private readonly int[] _cationAnion;  // 6 per cation, in HopGeometry.AnionVectors order
    private readonly int[] _anionCation;  // 6 per anion, in HopGeometry.AnionVectors order

    /// <param name="t1">First translation (units of a/2; even coordinate sum).</param>
    /// <param name="t2">Second translation.</param>
    /// <param name="t3">Third translation.</param>
    /// <param name="latticeConstant">Conventional cubic edge a in Angstrom.</param>
    public RockSaltSupercell(Int3 t1, Int3 t2, Int3 t3, double latticeConstant)
    {
        foreach (var t in new[] { t1, t2, t3 })
            if (!t.IsCationSite)
                throw new ArgumentException($"translation {t} is not an fcc lattice vector (odd coordinate sum)");
        long det = Det(t1, t2, t3);
        if (det == 0) throw new ArgumentException("translations are linearly dependent");
        if (det < 0) (t2, t3, det) = (t3, t2, -det);
        _t1 = t1; _t2 = t2; _t3 = t3; _det = det;
        A = latticeConstant;
        _adj = Adjugate(t1, t2, t3);

        // Bounding box of the half-open parallelepiped {f1 t1 + f2 t2 + f3 t3 : 0 <= f < 1}.
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = int.MinValue, maxY = int.MinValue, maxZ = int.MinValue;
        for (int c = 0; c < 8; c++)
        {
            var p = ((c & 1) != 0 ? t1 : default) + ((c & 2) != 0 ? t2 : default) + ((c & 4) != 0 ? t3 : default);
            minX = Math.Min(minX, p.X); minY = Math.Min(minY, p.Y); minZ = Math.Min(minZ, p.Z);
            maxX = Math.Max(maxX, p.X); maxY = Math.Max(maxY, p.Y); maxZ = Math.Max(maxZ, p.Z);
        }
        _boxMin = new Int3(minX, minY, minZ);
        _boxX = maxX - minX + 1; _boxY = maxY - minY + 1; _boxZ = maxZ - minZ + 1;
        _boxToSite = new int[checked(_boxX * _boxY * _boxZ)];
        Array.Fill(_boxToSite, int.MinValue);

        int nSites = checked((int)det);
        _cationPos = new Int3[nSites / 2];
        _anionPos = new Int3[nSites / 2];
        int nc = 0, na = 0;
        // z-major enumeration gives a natural, deterministic site order (x fastest).
        for (int z = minZ; z <= maxZ; z++)
            for (int y = minY; y <= maxY; y++)
                for (int x = minX; x <= maxX; x++)
                {
                    var p = new Int3(x, y, z);
                    if (Reduce(p) != p) continue;
                    int box = BoxIndex(p);
                    if (p.IsCationSite) { _boxToSite[box] = nc; _cationPos[nc++] = p; }
                    else { _boxToSite[box] = ~na; _anionPos[na++] = p; }
                }
        if (nc != nSites / 2 || na != nSites / 2)
            throw new InvalidOperationException($"site enumeration found {nc} cations and {na} anions, expected {nSites / 2} each");

        _cationNn = new int[nc * 12];
        _cationAnion = new int[nc * 6];
        _anionCation = new int[na * 6];
        var nn = HopGeometry.NeighborVectors;
        var an = HopGeometry.AnionVectors;
        for (int i = 0; i < nc; i++)
        {
            for (int d = 0; d < 12; d++) _cationNn[i * 12 + d] = CationIndex(_cationPos[i] + nn[d]);
            for (int d = 0; d < 6; d++) _cationAnion[i * 6 + d] = AnionIndex(_cationPos[i] + an[d]);
        }
        for (int j = 0; j < na; j++)
            for (int d = 0; d < 6; d++) _anionCation[j * 6 + d] = CationIndex(_anionPos[j] + an[d]);
    }

    /// <summary>L x L x L conventional cubic cells (4 L^3 cation sites).</summary>
    public static RockSaltSupercell Cubic(int l, double latticeConstant)
        => Conventional(l, l, l, latticeConstant);

    /// <summary>n1 x n2 x n3 conventional cubic cells.</summary>
    public static RockSaltSupercell Conventional(int n1, int n2, int n3, double latticeConstant)
        => new(new Int3(2 * n1, 0, 0), new Int3(0, 2 * n2, 0), new Int3(0, 0, 2 * n3), latticeConstant);

    /// <summary>n1 x n2 x n3 copies of the fcc primitive cell (a/2)(0,1,1), (a/2)(1,0,1), (a/2)(1,1,0):
    /// the published study's 3x4x4 cell has 48 cation and 48 anion sites.</summary>
    public static RockSaltSupercell Primitive(int n1, int n2, int n3, double latticeConstant)
        => new(n1 * new Int3(0, 1, 1), n2 * new Int3(1, 0, 1), n3 * new Int3(1, 1, 0), latticeConstant);

    /// <summary>Conventional cubic edge in Angstrom.</summary>
    public double A { get; }

    public int CationCount => _cationPos.Length;
    public int AnionCount => _anionPos.Length;

    public Int3 T1 => _t1;
    public Int3 T2 => _t2;
    public Int3 T3 => _t3;

    /// <summary>Supercell vectors in Angstrom, rows a1, a2, a3 (Cartesian axes along the cubic axes).</summary>
    public double[,] LatticeVectors
    {
        get
        {
            var m = new double[3, 3];
            var ts = new[] { _t1, _t2, _t3 };
            for (int r = 0; r < 3; r++)
            {
                m[r, 0] = ts[r].X * A / 2; m[r, 1] = ts[r].Y * A / 2; m[r, 2] = ts[r].Z * A / 2;
            }
            return m;
        }
    }

    public Int3 CationPosition(int i) => _cationPos[i];
    public Int3 AnionPosition(int j) => _anionPos[j];

    /// <summary>Cartesian position in Angstrom of a lattice point.</summary>
    public (double X, double Y, double Z) Cartesian(Int3 p) => (p.X * A / 2, p.Y * A / 2, p.Z * A / 2);

    /// <summary>The 12 cation NN of cation i, in <see cref="HopGeometry.NeighborVectors"/> order.</summary>
    public ReadOnlySpan<int> CationNeighbors(int i) => new(_cationNn, i * 12, 12);

    /// <summary>The 6 anions of cation i's octahedron, in <see cref="HopGeometry.AnionVectors"/> order.</summary>
    public ReadOnlySpan<int> CationAnions(int i) => new(_cationAnion, i * 6, 6);

    /// <summary>The 6 cations around anion j, in <see cref="HopGeometry.AnionVectors"/> order.</summary>
    public ReadOnlySpan<int> AnionCations(int j) => new(_anionCation, j * 6, 6);

    public int CationNeighbor(int i, int direction) => _cationNn[i * 12 + direction];
    public int CationAnion(int i, int direction) => _cationAnion[i * 6 + direction];

    /// <summary>Index of the cation site at p (any periodic image).</summary>
    public int CationIndex(Int3 p)
    {
        int s = _boxToSite[BoxIndex(Reduce(p))];
        if (s < 0) throw new ArgumentException($"{p} is not a cation site");
        return s;
    }

    /// <summary>Index of the anion site at p (any periodic image).</summary>
    public int AnionIndex(Int3 p)
    {
        int s = _boxToSite[BoxIndex(Reduce(p))];
        if (s >= 0 || s == int.MinValue) throw new ArgumentException($"{p} is not an anion site");
        return ~s;
    }

    /// <summary>The periodic image of p inside the reference cell {f . T : 0 <= f < 1}.</summary>
    public Int3 Reduce(Int3 p)
    {
        long n1 = _adj[0] * p.X + _adj[1] * p.Y + _adj[2] * p.Z;
        long n2 = _adj[3] * p.X + _adj[4] * p.Y + _adj[5] * p.Z;
        long n3 = _adj[6] * p.X + _adj[7] * p.Y + _adj[8] * p.Z;
        int k1 = (int)FloorDiv(n1, _det), k2 = (int)FloorDiv(n2, _det), k3 = (int)FloorDiv(n3, _det);
        return p - k1 * _t1 - k2 * _t2 - k3 * _t3;
    }

    /// <summary>The shortest periodic image of the vector d (minimum image), in units of a/2.</summary>
    public Int3 MinimumImage(Int3 d)
    {
        var r = Reduce(d);
        Int3 best = r;
        int bestNorm = r.Dot(r);
        for (int i = -1; i <= 1; i++)
            for (int j = -1; j <= 1; j++)
                for (int k = -1; k <= 1; k++)
                {
                    var c = r + i * _t1 + j * _t2 + k * _t3;
                    int n = c.Dot(c);
                    if (n < bestNorm) { best = c; bestNorm = n; }
                }
        return best;
    }

    /// <summary>Fills the anatomy of the hop from cation <paramref name="initial"/> along NN direction
    /// <paramref name="direction"/> (DOMAIN.md section 2). T1/T2 are geometric (+e3 / -e3), not yet up/down.</summary>
    public void Anatomy(int initial, int direction, ref HopAnatomy a)
    {
        var dirs = HopGeometry.For(direction);
        int f = _cationNn[initial * 12 + direction];
        a.Initial = initial;
        a.Final = f;
        a.Direction = direction;
        var g = dirs.Gates;
        int bi = initial * 12;
        a.GatesT1[0] = _cationNn[bi + g[0]]; a.GatesT1[1] = _cationNn[bi + g[1]];
        a.GatesT2[0] = _cationNn[bi + g[2]]; a.GatesT2[1] = _cationNn[bi + g[3]];
        int ai = initial * 6, af = f * 6;
        a.Dumbbell[0] = _cationAnion[ai + dirs.DumbbellFromInitial[0]];
        a.Dumbbell[1] = _cationAnion[ai + dirs.DumbbellFromInitial[1]];
        a.ApexT1[0] = _cationAnion[ai + dirs.ApexUpAxis]; a.ApexT1[1] = _cationAnion[af + dirs.ApexUpAxis];
        a.ApexT2[0] = _cationAnion[ai + dirs.ApexDownAxis]; a.ApexT2[1] = _cationAnion[af + dirs.ApexDownAxis];
        a.Back[0] = _cationAnion[ai + dirs.BackFromInitial[0]]; a.Back[1] = _cationAnion[ai + dirs.BackFromInitial[1]];
        a.Back[2] = _cationAnion[af + dirs.BackFromFinal[0]]; a.Back[3] = _cationAnion[af + dirs.BackFromFinal[1]];
        int bf = f * 12;
        for (int k = 0; k < 7; k++)
        {
            a.OtherNnInitial[k] = _cationNn[bi + dirs.OtherFromInitial[k]];
            a.OtherNnFinal[k] = _cationNn[bf + dirs.OtherFromFinal[k]];
        }
    }

    private int BoxIndex(Int3 p)
        => ((p.Z - _boxMin.Z) * _boxY + (p.Y - _boxMin.Y)) * _boxX + (p.X - _boxMin.X);

    private static long FloorDiv(long n, long d) => n >= 0 ? n / d : -((-n + d - 1) / d);

    private static long Det(Int3 a, Int3 b, Int3 c)
        => (long)a.X * ((long)b.Y * c.Z - (long)b.Z * c.Y)
         - (long)b.X * ((long)a.Y * c.Z - (long)a.Z * c.Y)
         + (long)c.X * ((long)a.Y * b.Z - (long)a.Z * b.Y);

    // Matrix M has columns t1, t2, t3; M^-1 = adj(M)/det(M). Row r of adj gives the r-th fractional coordinate * det.
    private static long[] Adjugate(Int3 t1, Int3 t2, Int3 t3)
    {
        long[,] m =
        {
            { t1.X, t2.X, t3.X },
            { t1.Y, t2.Y, t3.Y },
            { t1.Z, t2.Z, t3.Z },
        };
        var adj = new long[9];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
            {
                // adj[r,c] = cofactor[c,r]
                int r0 = (c + 1) % 3, r1 = (c + 2) % 3, c0 = (r + 1) % 3, c1 = (r + 2) % 3;
                adj[r * 3 + c] = m[r0, c0] * m[r1, c1] - m[r0, c1] * m[r1, c0];
            }
        return adj;
    }
}
