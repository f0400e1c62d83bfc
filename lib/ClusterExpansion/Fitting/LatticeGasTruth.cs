using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>One pair interaction of a lattice-gas truth: <see cref="Energy"/> (eV) once per pair of sites in the
/// shell whose first site holds species code <see cref="A"/> and second <see cref="B"/> (codes of the truth's
/// <see cref="Chemistry"/>; symmetric for pairs on one sublattice; for cation-anion pairs A is the cation).</summary>
public sealed record TruthPair(Sublattice First, Sublattice Second, int Shell, byte A, byte B, double Energy)
{
    /// <summary>A pair of Li-V-O-F species.</summary>
    public TruthPair(Sublattice first, Sublattice second, int shell, Species a, Species b, double energy)
        : this(first, second, shell, (byte)a, (byte)b, energy) { }
}

/// <summary>The lattice-gas ground truth of a synthetic dataset (truth.yaml, section <c>ce</c>):
/// E = sum_i point[s_i] + sum over pairs {i,j} of sites in a shell of energy(s_i, s_j), eV per supercell; pairs
/// not listed (e.g. with a vacancy) add 0. It can be evaluated directly on any configuration and, when the
/// cluster space contains its shells, converted exactly into ECIs of the orthonormal basis. Any rock-salt
/// chemistry: species are codes of <see cref="Chemistry"/>.</summary>
public sealed class LatticeGasTruth
{
    private readonly double[] _point;
    private readonly int _codes;

    /// <summary>A Li-V-O-F truth.</summary>
    public LatticeGasTruth(IReadOnlyDictionary<Species, double> point, IReadOnlyList<TruthPair> pairs)
        : this(Chemistry.LiVOF, point.ToDictionary(kv => (byte)kv.Key, kv => kv.Value), pairs) { }

    /// <param name="chemistry">The species; <paramref name="point"/> and <paramref name="pairs"/> use its codes.</param>
    /// <param name="point">Energy per site holding the species (codes not listed: 0).</param>
    /// <param name="pairs">Pair energies.</param>
    public LatticeGasTruth(Chemistry chemistry, IReadOnlyDictionary<byte, double> point, IReadOnlyList<TruthPair> pairs)
    {
        Chemistry = chemistry;
        _codes = chemistry.CodeCount;
        _point = new double[_codes];
        foreach (var (s, e) in point)
        {
            if (s >= _codes) throw new ArgumentException($"point: species code {s} is not a species of {chemistry}");
            _point[s] = e;
        }
        Point = point;
        Pairs = pairs;
        foreach (var p in pairs)
        {
            if (p.A >= _codes || p.B >= _codes || Sublattices.Of(chemistry, p.A) != p.First || Sublattices.Of(chemistry, p.B) != p.Second)
                throw new ArgumentException($"pair shell {p.Shell}: {chemistry.Symbol(p.A)} and {chemistry.Symbol(p.B)} are not on the " +
                                            $"{Sublattices.Name(p.First)} and {Sublattices.Name(p.Second)} sublattices of {chemistry}");
            if (p.First == Sublattice.Anion && p.Second == Sublattice.Cation)
                throw new ArgumentException("write cation-anion pairs with the cation first");
        }
    }

    public Chemistry Chemistry { get; }

    /// <summary>Point energies by species code.</summary>
    public IReadOnlyDictionary<byte, double> Point { get; }

    public IReadOnlyList<TruthPair> Pairs { get; }

    /// <summary>Reads the <c>ce</c> section of truth.yaml (Li-V-O-F species).</summary>
    public static LatticeGasTruth Load(string path) => TruthYaml.Read(path, Chemistry.LiVOF);

    /// <summary>Reads the <c>ce</c> section of truth.yaml; its species must belong to <paramref name="chemistry"/>.</summary>
    public static LatticeGasTruth Load(string path, Chemistry chemistry) => TruthYaml.Read(path, chemistry);

    /// <summary>Direct lattice-gas energy (eV) of a configuration, independent of the cluster-expansion code.</summary>
    public double TotalEnergy(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        Configuration.Validate(cell, cations, anions, Chemistry);
        double e = 0.0;
        foreach (var c in cations) e += _point[c];
        foreach (var a in anions) e += _point[a];
        foreach (var shell in ShellTables())
        {
            bool same = shell.First == shell.Second;
            int count = shell.First == Sublattice.Cation ? cell.CationCount : cell.AnionCount;
            for (int i = 0; i < count; i++)
            {
                var p = shell.First == Sublattice.Cation ? cell.CationPosition(i) : cell.AnionPosition(i);
                int si = shell.First == Sublattice.Cation ? cations[i] : anions[i];
                foreach (var d in shell.Vectors)
                {
                    var q = p + d;
                    int sj = shell.Second == Sublattice.Cation ? cations[cell.CationIndex(q)] : anions[cell.AnionIndex(q)];
                    // On one sublattice every pair is met from both ends.
                    e += (same ? 0.5 : 1.0) * shell.Energy[si * _codes + sj];
                }
            }
        }
        return e;
    }

    /// <summary>The same energy as ECIs of <paramref name="space"/>, or null (with the reason) when a truth shell
    /// has no pair orbit in the space. Expands point and pair energies in the site basis:
    /// V(x, y) = sum_tu K_tu Theta_t(x) Theta_u(y) with K_tu = (1/(M0 M1)) sum_xy V(x,y) Theta_t(x) Theta_u(y);
    /// K_00 goes to J0 (times the multiplicity), K_t0 and K_0u to the point ECIs, K_tu (t, u >= 1) to the pair
    /// decoration containing (t, u), times the size of the decoration class.</summary>
    public CeModel? ToModel(ClusterSpace space, double latticeConstant, out string? reason)
    {
        if (!space.Chemistry.Equals(Chemistry))
            throw new ArgumentException($"the truth's chemistry {Chemistry} is not the cluster space's {space.Chemistry}");
        var ecis = new double[space.Functions.Count];
        double j0 = 0.0;
        foreach (var s in new[] { Sublattice.Cation, Sublattice.Anion })
        {
            int pointOrbit = FindOrbit(space, o => o.Order == 1 && o.SiteSublattices[0] == s);
            int m = Sublattices.SpeciesCount(Chemistry, s);
            for (int t = 0; t < m; t++)
            {
                double c = 0.0;
                for (int x = 0; x < m; x++) c += _point[Sublattices.SpeciesCode(Chemistry, s, x)] * SiteBasis.Value(m, t, x);
                c /= m;
                if (t == 0) j0 += c;
                else ecis[Function(space, pointOrbit, [t])] += c;
            }
        }
        foreach (var shell in ShellTables())
        {
            int norm = PairShells.NormSquared(shell.First, shell.Second, shell.Shell);
            var orbits = Enumerable.Range(0, space.Orbits.Count).Where(o =>
            {
                var orbit = space.Orbits[o];
                return orbit.Order == 2 && orbit.DiameterSquared == norm
                       && orbit.SiteSublattices.Contains(shell.First) && orbit.SiteSublattices.Contains(shell.Second);
            }).ToArray();
            if (orbits.Length == 0)
            {
                reason = $"the cluster space has no {Sublattices.Name(shell.First)}-{Sublattices.Name(shell.Second)} pair orbit for shell {shell.Shell}";
                return null;
            }
            foreach (int o in orbits) j0 += AddPairOrbit(space, o, shell, ecis);
        }
        // Interactions that cancel exactly in exact arithmetic leave 1e-17-sized rounding residues: zero them so the
        // model stays as sparse as the truth (the evaluator skips orbits whose ECIs are all zero).
        double scale = ecis.Max(Math.Abs);
        for (int f = 0; f < ecis.Length; f++)
            if (Math.Abs(ecis[f]) < 1e-12 * scale) ecis[f] = 0.0;
        reason = null;
        return new CeModel(space, latticeConstant, j0, ecis);
    }

    /// <summary>Adds one pair orbit's expansion to the ECIs; returns its contribution to J0.</summary>
    private double AddPairOrbit(ClusterSpace space, int o, ShellTable shell, double[] ecis)
    {
        var orbit = space.Orbits[o];
        var s0 = orbit.SiteSublattices[0];
        var s1 = orbit.SiteSublattices[1];
        int m0 = Sublattices.SpeciesCount(Chemistry, s0), m1 = Sublattices.SpeciesCount(Chemistry, s1);
        bool swapped = s0 != shell.First;
        double V(int x, int y)
        {
            int a = Sublattices.SpeciesCode(Chemistry, s0, x), b = Sublattices.SpeciesCode(Chemistry, s1, y);
            return swapped ? shell.Energy[b * _codes + a] : shell.Energy[a * _codes + b];
        }
        double j0 = 0.0;
        var pairK = new Dictionary<(int, int), double>();
        for (int t = 0; t < m0; t++)
            for (int u = 0; u < m1; u++)
            {
                double k = 0.0;
                for (int x = 0; x < m0; x++)
                    for (int y = 0; y < m1; y++)
                        k += V(x, y) * SiteBasis.Value(m0, t, x) * SiteBasis.Value(m1, u, y);
                k /= m0 * m1;
                int mult = orbit.Multiplicity;
                if (t == 0 && u == 0) j0 += mult * k;
                else if (u == 0) ecis[Function(space, PointOrbit(space, s0), [t])] += mult * k;
                else if (t == 0) ecis[Function(space, PointOrbit(space, s1), [u])] += mult * k;
                else pairK[(t, u)] = k;
            }
        for (int d = 0; d < orbit.Decorations.Count; d++)
        {
            var decoration = orbit.Decorations[d];
            var ks = decoration.Members.Select(e => pairK[(e[0], e[1])]).ToArray();
            if (ks.Any(k => Math.Abs(k - ks[0]) > 1e-12 * (1 + Math.Abs(ks[0]))))
                throw new ArgumentException($"pair energies of shell {shell.Shell} are not symmetric under the orbit's symmetry");
            ecis[Function(space, o, decoration.Functions)] += decoration.Members.Length * ks[0];
        }
        return j0;
    }

    private sealed record ShellTable(Sublattice First, Sublattice Second, int Shell, double[] Energy, Int3[] Vectors);

    /// <summary>Pair energies grouped by (sublattices, shell) as [a * codes + b] tables over species codes.</summary>
    private List<ShellTable> ShellTables()
    {
        var tables = new List<ShellTable>();
        foreach (var group in Pairs.GroupBy(p => (p.First, p.Second, p.Shell)))
        {
            var energy = new double[_codes * _codes];
            foreach (var p in group)
            {
                energy[p.A * _codes + p.B] = p.Energy;
                if (p.First == p.Second) energy[p.B * _codes + p.A] = p.Energy;
            }
            tables.Add(new ShellTable(group.Key.First, group.Key.Second, group.Key.Shell, energy,
                PairShells.Vectors(group.Key.First, group.Key.Second, group.Key.Shell)));
        }
        return tables;
    }

    private static int PointOrbit(ClusterSpace space, Sublattice s) => FindOrbit(space, o => o.Order == 1 && o.SiteSublattices[0] == s);

    private static int FindOrbit(ClusterSpace space, Func<Orbit, bool> match)
    {
        for (int o = 0; o < space.Orbits.Count; o++)
            if (match(space.Orbits[o])) return o;
        throw new ArgumentException("the cluster space lacks a point orbit");
    }

    private static int Function(ClusterSpace space, int orbit, int[] functions)
    {
        foreach (var f in space.Functions)
            if (f.OrbitIndex == orbit && space.Orbits[orbit].Decorations[f.DecorationIndex].Members.Any(m => m.SequenceEqual(functions)))
                return f.Index;
        throw new ArgumentException($"orbit {orbit} has no decoration [{string.Join(",", functions)}]");
    }
}
