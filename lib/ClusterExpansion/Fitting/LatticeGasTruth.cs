using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>One pair interaction of a lattice-gas truth: <see cref="Energy"/> (eV) once per pair of sites in the
/// shell whose first site holds species <see cref="A"/> and second <see cref="B"/> (symmetric for pairs on one
/// sublattice; for cation-anion pairs A is the cation).</summary>
public sealed record TruthPair(Sublattice First, Sublattice Second, int Shell, Species A, Species B, double Energy);

/// <summary>The lattice-gas ground truth of a synthetic dataset (truth.yaml, section <c>ce</c>):
/// E = sum_i point[s_i] + sum over pairs {i,j} of sites in a shell of energy(s_i, s_j), eV per supercell; pairs
/// not listed (e.g. with a vacancy) add 0. It can be evaluated directly on any configuration and, when the
/// cluster space contains its shells, converted exactly into ECIs of the orthonormal basis.</summary>
public sealed class LatticeGasTruth
{
    private readonly double[] _point = new double[5];

    public LatticeGasTruth(IReadOnlyDictionary<Species, double> point, IReadOnlyList<TruthPair> pairs)
    {
        foreach (var (s, e) in point) _point[(int)s] = e;
        Point = point;
        Pairs = pairs;
        foreach (var p in pairs)
        {
            if (Sublattices.Of(p.A) != p.First || Sublattices.Of(p.B) != p.Second)
                throw new ArgumentException($"pair shell {p.Shell}: {p.A} and {p.B} are not on the {Sublattices.Name(p.First)} and {Sublattices.Name(p.Second)} sublattices");
            if (p.First == Sublattice.Anion && p.Second == Sublattice.Cation)
                throw new ArgumentException("write cation-anion pairs with the cation first");
        }
    }

    public IReadOnlyDictionary<Species, double> Point { get; }

    public IReadOnlyList<TruthPair> Pairs { get; }

    /// <summary>Reads the <c>ce</c> section of truth.yaml.</summary>
    public static LatticeGasTruth Load(string path) => TruthYaml.Read(path);

    /// <summary>Direct lattice-gas energy (eV) of a configuration, independent of the cluster-expansion code.</summary>
    public double TotalEnergy(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        Configuration.Validate(cell, cations, anions);
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
                    e += (same ? 0.5 : 1.0) * shell.Energy[si * 5 + sj];
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
        var ecis = new double[space.Functions.Count];
        double j0 = 0.0;
        foreach (var s in new[] { Sublattice.Cation, Sublattice.Anion })
        {
            int pointOrbit = FindOrbit(space, o => o.Order == 1 && o.SiteSublattices[0] == s);
            int m = Sublattices.SpeciesCount(s);
            for (int t = 0; t < m; t++)
            {
                double c = 0.0;
                for (int x = 0; x < m; x++) c += _point[Sublattices.SpeciesCode(s, x)] * SiteBasis.Value(s, t, x);
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
    private static double AddPairOrbit(ClusterSpace space, int o, ShellTable shell, double[] ecis)
    {
        var orbit = space.Orbits[o];
        var s0 = orbit.SiteSublattices[0];
        var s1 = orbit.SiteSublattices[1];
        int m0 = Sublattices.SpeciesCount(s0), m1 = Sublattices.SpeciesCount(s1);
        bool swapped = s0 != shell.First;
        double V(int x, int y)
        {
            int a = Sublattices.SpeciesCode(s0, x), b = Sublattices.SpeciesCode(s1, y);
            return swapped ? shell.Energy[b * 5 + a] : shell.Energy[a * 5 + b];
        }
        double j0 = 0.0;
        var pairK = new Dictionary<(int, int), double>();
        for (int t = 0; t < m0; t++)
            for (int u = 0; u < m1; u++)
            {
                double k = 0.0;
                for (int x = 0; x < m0; x++)
                    for (int y = 0; y < m1; y++)
                        k += V(x, y) * SiteBasis.Value(s0, t, x) * SiteBasis.Value(s1, u, y);
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

    /// <summary>Pair energies grouped by (sublattices, shell) as [a * 5 + b] tables over species codes.</summary>
    private List<ShellTable> ShellTables()
    {
        var tables = new List<ShellTable>();
        foreach (var group in Pairs.GroupBy(p => (p.First, p.Second, p.Shell)))
        {
            var energy = new double[25];
            foreach (var p in group)
            {
                energy[(int)p.A * 5 + (int)p.B] = p.Energy;
                if (p.First == p.Second) energy[(int)p.B * 5 + (int)p.A] = p.Energy;
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
