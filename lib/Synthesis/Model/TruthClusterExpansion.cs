using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>Which sublattices a pair interaction joins.</summary>
internal enum PairSublattices
{
    CationCation,
    AnionAnion,
    CationAnion,
}

/// <summary>One pair interaction of the truth model: energy added once per pair of sites in the shell occupied by
/// species A and B (for cation-anion pairs A is the cation). Pairs with a vacancy contribute nothing. A and B are
/// species codes of the model's <see cref="Chemistry"/>; <see cref="Species"/> names them for Li-V-O-F, other
/// chemistries cast their codes (2 = first other cation, ...).</summary>
internal sealed record PairInteraction(int Shell, PairSublattices Sublattices, Species A, Species B, double Energy)
{
    /// <summary>Pair distance in units of the conventional edge a.</summary>
    public double DistanceInA => (Sublattices, Shell) switch
    {
        (PairSublattices.CationCation, 1) or (PairSublattices.AnionAnion, 1) => Math.Sqrt(0.5),
        (PairSublattices.CationCation, 2) => 1.0,
        (PairSublattices.CationAnion, 1) => 0.5,
        _ => throw new InvalidOperationException($"no shell {Shell} for {Sublattices}"),
    };
}

/// <summary>The ground-truth configurational energy of the synthetic study: a lattice gas with point energies per
/// species and pair energies for cation-cation shells 1 (a/sqrt2) and 2 (a), anion-anion shell 1 and cation-anion
/// shell 1 (a/2). E = sum_i point(s_i) + sum over pairs {i,j} J(s_i, s_j), each pair of sites counted once.
/// Magnitudes are chosen so that total energies look like PBE+U totals (about -5 to -6.5 eV/atom). Species are the
/// codes of <see cref="Chemistry"/> (Li-V-O-F by default; other chemistries in <see cref="MultiTmTruths"/>).</summary>
internal sealed class TruthClusterExpansion
{
    private static readonly Int3[] s_secondShell =
        [new(2, 0, 0), new(-2, 0, 0), new(0, 2, 0), new(0, -2, 0), new(0, 0, 2), new(0, 0, -2)];

    private readonly int _n; // species codes of the chemistry; tables are [a * _n + b]
    private readonly double[] _point;
    private readonly double[] _cc1;
    private readonly double[] _cc2;
    private readonly double[] _aa1;
    private readonly double[] _ca1;

    public TruthClusterExpansion(IReadOnlyDictionary<Species, double> point, IReadOnlyList<PairInteraction> pairs,
        Chemistry? chemistry = null)
    {
        Chemistry = chemistry ?? Chemistry.LiVOF;
        _n = Chemistry.CodeCount;
        _point = new double[_n];
        _cc1 = new double[_n * _n];
        _cc2 = new double[_n * _n];
        _aa1 = new double[_n * _n];
        _ca1 = new double[_n * _n];
        foreach (var (s, e) in point)
        {
            Require(s, "point");
            _point[(int)s] = e;
        }
        for (byte c = 0; c < _n; c++)
            if (!point.ContainsKey((Species)c))
                throw new ArgumentException($"truth CE: no point energy for {Chemistry.Symbol(c)}");
        Point = point;
        Pairs = pairs;
        foreach (var p in pairs)
        {
            var table = (p.Sublattices, p.Shell) switch
            {
                (PairSublattices.CationCation, 1) => _cc1,
                (PairSublattices.CationCation, 2) => _cc2,
                (PairSublattices.AnionAnion, 1) => _aa1,
                (PairSublattices.CationAnion, 1) => _ca1,
                _ => throw new ArgumentException($"unsupported pair shell {p.Shell} on {p.Sublattices}"),
            };
            Require(p.A, "pair");
            Require(p.B, "pair");
            bool aCation = Chemistry.IsCation((byte)p.A), bCation = Chemistry.IsCation((byte)p.B);
            if ((p.Sublattices, aCation, bCation) is not ((PairSublattices.CationCation, true, true)
                or (PairSublattices.AnionAnion, false, false) or (PairSublattices.CationAnion, true, false)))
                throw new ArgumentException($"truth CE: pair {Chemistry.Symbol((byte)p.A)}-{Chemistry.Symbol((byte)p.B)} is not on {p.Sublattices}");
            table[(int)p.A * _n + (int)p.B] = p.Energy;
            if (p.Sublattices != PairSublattices.CationAnion) table[(int)p.B * _n + (int)p.A] = p.Energy;
        }
    }

    /// <summary>The species the codes of this model belong to.</summary>
    public Chemistry Chemistry { get; }

    public IReadOnlyDictionary<Species, double> Point { get; }
    public IReadOnlyList<PairInteraction> Pairs { get; }

    /// <summary>The model the synthetic datasets use (eV). Li-V and V-V repulsion on the cation sublattice, Li-F
    /// attraction stronger than Li-O (Li prefers F-rich octahedra), V-O stronger than V-F.</summary>
    public static TruthClusterExpansion Default { get; } = new(
        new Dictionary<Species, double>
        {
            [Species.Li] = -1.90, [Species.V] = -9.00, [Species.Vac] = 0.0, [Species.O] = -7.00, [Species.F] = -4.20,
        },
        [
            new(1, PairSublattices.CationCation, Species.Li, Species.Li, 0.040),
            new(1, PairSublattices.CationCation, Species.Li, Species.V, 0.075),
            new(1, PairSublattices.CationCation, Species.V, Species.V, 0.110),
            new(2, PairSublattices.CationCation, Species.Li, Species.Li, 0.010),
            new(2, PairSublattices.CationCation, Species.Li, Species.V, 0.020),
            new(2, PairSublattices.CationCation, Species.V, Species.V, 0.045),
            new(1, PairSublattices.AnionAnion, Species.O, Species.O, 0.030),
            new(1, PairSublattices.AnionAnion, Species.O, Species.F, 0.010),
            new(1, PairSublattices.AnionAnion, Species.F, Species.F, 0.040),
            new(1, PairSublattices.CationAnion, Species.Li, Species.O, -0.100),
            new(1, PairSublattices.CationAnion, Species.Li, Species.F, -0.160),
            new(1, PairSublattices.CationAnion, Species.V, Species.O, -0.150),
            new(1, PairSublattices.CationAnion, Species.V, Species.F, -0.090),
        ]);

    private void Require(Species s, string what)
    {
        if ((int)s >= _n)
            throw new ArgumentException($"truth CE: {what} species code {(int)s} is not a species of {Chemistry}");
    }

    /// <summary>Neighbour tables of one supercell for this model.</summary>
    public sealed class Lattice
    {
        public Lattice(RockSaltSupercell cell)
        {
            Cell = cell;
            int nc = cell.CationCount, na = cell.AnionCount;
            SecondShell = new int[nc * 6];
            for (int i = 0; i < nc; i++)
                for (int d = 0; d < 6; d++)
                    SecondShell[i * 6 + d] = cell.CationIndex(cell.CationPosition(i) + s_secondShell[d]);
            AnionNeighbors = new int[na * 12];
            var nn = HopGeometry.NeighborVectors;
            for (int j = 0; j < na; j++)
                for (int d = 0; d < 12; d++)
                    AnionNeighbors[j * 12 + d] = cell.AnionIndex(cell.AnionPosition(j) + nn[d]);
        }

        public RockSaltSupercell Cell { get; }
        public int[] SecondShell { get; }
        public int[] AnionNeighbors { get; }
    }

    /// <summary>Total energy (eV) of a configuration.</summary>
    public double TotalEnergy(Lattice lattice, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        var cell = lattice.Cell;
        int n = _n;
        double points = 0, pairs = 0;
        for (int i = 0; i < cations.Length; i++)
        {
            int a = cations[i];
            points += _point[a];
            foreach (int k in cell.CationNeighbors(i)) pairs += 0.5 * _cc1[a * n + cations[k]];
            for (int d = 0; d < 6; d++) pairs += 0.5 * _cc2[a * n + cations[lattice.SecondShell[i * 6 + d]]];
            foreach (int j in cell.CationAnions(i)) pairs += _ca1[a * n + anions[j]];
        }
        for (int j = 0; j < anions.Length; j++)
        {
            int b = anions[j];
            points += _point[b];
            for (int d = 0; d < 12; d++) pairs += 0.5 * _aa1[b * n + anions[lattice.AnionNeighbors[j * 12 + d]]];
        }
        return points + pairs;
    }

    /// <summary>Energy change (eV) of moving the cation on site <paramref name="from"/> to the vacant cation site
    /// <paramref name="to"/>. Only pairs that contain one of the two sites change; vacancy pairs are zero, so the
    /// change is the moving ion's pair energy at <paramref name="to"/> (with <paramref name="from"/> empty) minus
    /// its pair energy at <paramref name="from"/>.</summary>
    public double HopDelta(Lattice lattice, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        if (cations[to] != Chemistry.Vacancy)
            throw new ArgumentException($"hop target site {to} is not vacant");
        int s = cations[from];
        return IonPairEnergy(lattice, cations, anions, s, to, from) - IonPairEnergy(lattice, cations, anions, s, from, to);
    }

    // Pair energy of species s placed on cation site `site`, with cation site `empty` treated as vacant.
    private double IonPairEnergy(Lattice lattice, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int s, int site, int empty)
    {
        var cell = lattice.Cell;
        int n = _n;
        double e = 0;
        foreach (int k in cell.CationNeighbors(site))
            if (k != empty && k != site) e += _cc1[s * n + cations[k]];
        for (int d = 0; d < 6; d++)
        {
            int k = lattice.SecondShell[site * 6 + d];
            if (k != empty && k != site) e += _cc2[s * n + cations[k]];
        }
        foreach (int j in cell.CationAnions(site)) e += _ca1[s * n + anions[j]];
        return e;
    }
}
