using Pipeline.RockSalt;

namespace Pipeline.Kmc.Lattice;

/// <summary>The kMC state: species codes of a <see cref="Pipeline.RockSalt.Chemistry"/> on a cubic rock-salt supercell
/// and, for every mobile ion (code <see cref="Chemistry.Mobile"/>, "Li" below whatever the element), its unwrapped
/// displacement since the start (integers in units of a/2, so sums are exact). A displacement is stored with the site the ion occupies
/// (in event-slot order) and moves with it: no ion table to look up, and a hop touches two neighbouring records.
/// Running sums give the tracer and collective mean squared displacements in O(1).</summary>
public sealed class KmcLattice
{
    private static readonly Int3[] s_nn = HopGeometry.NeighborVectors.ToArray();
    private readonly int[] _displacement; // per slot: dx, dy, dz, (padding) of the Li there
    private long _sumX, _sumY, _sumZ;

    /// <param name="cell">A cubic supercell (<see cref="RockSaltSupercell.Cubic"/>).</param>
    /// <param name="cations">Species per cation site (copied).</param>
    /// <param name="anions">Species per anion site (copied).</param>
    /// <param name="chemistry">What the codes mean (null: Li-V-O-F). Cation sites may hold a vacancy, the mobile ion or
    /// any other cation; anion sites any anion. Only the mobile ion moves, and only onto a vacancy.</param>
    public KmcLattice(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, Chemistry? chemistry = null)
    {
        chemistry ??= Chemistry.LiVOF;
        if (cations.Length != cell.CationCount) throw new ArgumentException($"cations: {cations.Length} values for {cell.CationCount} sites");
        if (anions.Length != cell.AnionCount) throw new ArgumentException($"anions: {anions.Length} values for {cell.AnionCount} sites");
        for (int i = 0; i < cations.Length; i++)
            if (!chemistry.IsCation(cations[i]))
                throw new ArgumentException($"cation site {i} holds species code {cations[i]}, not a cation of {chemistry} ({chemistry.Describe()})");
        for (int j = 0; j < anions.Length; j++)
            if (!chemistry.IsAnion(anions[j]))
                throw new ArgumentException($"anion site {j} holds species code {anions[j]}, not an anion of {chemistry} ({chemistry.Describe()})");
        Chemistry = chemistry;
        Cell = cell;
        Index = new CubicSiteIndex(cell);
        Anatomy = new AnatomyStencil(Index);
        Cations = cations.ToArray();
        Anions = anions.ToArray();
        foreach (var c in Cations) IonCount += c == Chemistry.Mobile ? 1 : 0;
        _displacement = new int[4 * Index.SlotCount];
    }

    /// <summary>What the species codes mean.</summary>
    public Chemistry Chemistry { get; }

    public RockSaltSupercell Cell { get; }

    /// <summary>Arithmetic site indexing (neighbours, offsets, event slots).</summary>
    public CubicSiteIndex Index { get; }

    /// <summary>Hop anatomy without neighbour tables.</summary>
    public AnatomyStencil Anatomy { get; }

    /// <summary>Species per cation site (the live configuration: read it, change it only through <see cref="Hop"/>).</summary>
    public byte[] Cations { get; }

    /// <summary>Species per anion site (frozen during kMC).</summary>
    public byte[] Anions { get; }

    /// <summary>Number of mobile ions (conserved).</summary>
    public int IonCount { get; }

    public long TotalJumps { get; private set; }

    /// <summary>Sum over Li of |dr|^2 in (a/2)^2.</summary>
    public long SumSquaredDisplacement { get; private set; }

    /// <summary>Sum over Li of dr (the collective displacement) in units of a/2.</summary>
    public (long X, long Y, long Z) CollectiveDisplacement => (_sumX, _sumY, _sumZ);

    /// <summary>Unwrapped displacement (units of a/2) of the Li now on <paramref name="site"/>.</summary>
    public Int3 Displacement(int site)
    {
        if (Cations[site] != Chemistry.Mobile) throw new ArgumentException($"site {site} holds no {Chemistry.MobileIon}");
        int b = 4 * Index.Slot(site);
        return new Int3(_displacement[b], _displacement[b + 1], _displacement[b + 2]);
    }

    /// <summary>Cation NN of <paramref name="site"/> along direction <paramref name="direction"/>.</summary>
    public int Neighbor(int site, int direction) => Index.Offset(site, s_nn[direction]);

    /// <summary>Requests the displacement records a hop from <paramref name="from"/> to <paramref name="to"/> will
    /// touch, so that in a large cell their cache misses overlap with other work.</summary>
    public unsafe void PrefetchHop(int from, int to)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported || _displacement.Length < 1 << 20) return;
        fixed (int* d = _displacement)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(d + 4 * Index.Slot(from));
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(d + 4 * Index.Slot(to));
        }
    }

    /// <summary>Moves the Li on <paramref name="from"/> along NN direction <paramref name="direction"/> into the vacant
    /// site <paramref name="to"/> (its neighbour there).</summary>
    public void Hop(int from, int direction, int to)
    {
        var cations = Cations;
        if (cations[from] != Chemistry.Mobile || cations[to] != Chemistry.Vacancy)
            throw new InvalidOperationException(
                $"invalid hop from site {from} ({Chemistry.Symbol(cations[from])}) to site {to} ({Chemistry.Symbol(cations[to])})");
        var v = s_nn[direction];
        cations[from] = Chemistry.Vacancy;
        cations[to] = Chemistry.Mobile;

        var disp = _displacement;
        int a = 4 * Index.Slot(from), b = 4 * Index.Slot(to);
        int dx = disp[a], dy = disp[a + 1], dz = disp[a + 2];
        disp[a] = 0; disp[a + 1] = 0; disp[a + 2] = 0;
        // |dr + v|^2 - |dr|^2 = 2 dr.v + |v|^2, with |v|^2 = 2 for an NN vector.
        SumSquaredDisplacement += 2L * (dx * v.X + dy * v.Y + dz * v.Z) + 2;
        disp[b] = dx + v.X;
        disp[b + 1] = dy + v.Y;
        disp[b + 2] = dz + v.Z;
        _sumX += v.X; _sumY += v.Y; _sumZ += v.Z;
        TotalJumps++;
    }
}
