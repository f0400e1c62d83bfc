using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>A cation pair model E = sum over cation pairs of J_shell(species a, species b), shells 1-4 of the fcc
/// cation lattice (squared distances 2, 4, 6, 8 in (a/2)^2). It is the kMC's own interacting lattice gas: tests of
/// detailed balance and the impact table use it, independently of the cluster-expansion project. Species are cation
/// codes of any chemistry: J is k x k over codes 0..k-1 (Vac, mobile ion, the other cations in code order).</summary>
public sealed class PairHopEnergy : IHopEnergy
{
    private readonly int _speciesCount; // k: Vac, Li, V for Li-V-O-F
    private readonly CubicSiteIndex _index;
    private readonly Int3[][] _shellOffsets;
    private readonly double[][] _j; // per shell, _speciesCount x _speciesCount symmetric

    /// <param name="index">Site index of the cubic supercell the configurations live on.</param>
    /// <param name="shells">Per shell (1..n), the symmetric k x k matrix J[a, b] over cation codes (Vac, Li, V for
    /// Li-V-O-F) in eV; every shell the same k.</param>
    public PairHopEnergy(CubicSiteIndex index, IReadOnlyList<double[,]> shells)
    {
        if (shells.Count is < 1 or > 4) throw new ArgumentException("a pair model has 1 to 4 shells");
        _index = index;
        _speciesCount = shells[0].GetLength(0);
        _j = new double[shells.Count][];
        _shellOffsets = new Int3[shells.Count][];
        for (int s = 0; s < shells.Count; s++)
        {
            var m = shells[s];
            if (m.GetLength(0) != _speciesCount || m.GetLength(1) != _speciesCount)
                throw new ArgumentException($"shell {s + 1}: J must be {_speciesCount}x{_speciesCount} like shell 1");
            _j[s] = new double[_speciesCount * _speciesCount];
            for (int a = 0; a < _speciesCount; a++)
                for (int b = 0; b < _speciesCount; b++)
                {
                    if (m[a, b] != m[b, a]) throw new ArgumentException($"shell {s + 1}: J is not symmetric at ({a},{b})");
                    _j[s][a * _speciesCount + b] = m[a, b];
                }
            _shellOffsets[s] = ShellOffsets(2 * (s + 1));
        }
        InteractionRadiusSquared = 2 * shells.Count;
    }

    /// <summary>A Li-Li and Li-V nearest-neighbour model (vacancies and V-V interact with nothing).</summary>
    public static PairHopEnergy NearestNeighbour(CubicSiteIndex index, double liLi, double liV)
    {
        var j = new double[3, 3];
        j[1, 1] = liLi;
        j[1, 2] = j[2, 1] = liV;
        return new PairHopEnergy(index, [j]);
    }

    public double InteractionRadiusSquared { get; }

    public double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        int moving = cations[from];
        int stay = cations[to];
        double delta = 0;
        for (int s = 0; s < _j.Length; s++)
        {
            var j = _j[s];
            var offsets = _shellOffsets[s];
            for (int k = 0; k < offsets.Length; k++)
            {
                var o = offsets[k];
                int nt = _index.Offset(to, o), nf = _index.Offset(from, o);
                // The pair (from, to) swaps its two species: a symmetric J leaves it unchanged.
                if (nt != from)
                {
                    int c = cations[nt];
                    delta += j[moving * _speciesCount + c] - j[stay * _speciesCount + c];
                }
                if (nf != to)
                {
                    int c = cations[nf];
                    delta += j[stay * _speciesCount + c] - j[moving * _speciesCount + c];
                }
            }
        }
        return delta;
    }

    public double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        double e = 0;
        for (int i = 0; i < cations.Length; i++)
            for (int s = 0; s < _j.Length; s++)
                foreach (var o in _shellOffsets[s])
                    e += _j[s][cations[i] * _speciesCount + cations[_index.Offset(i, o)]];
        return 0.5 * e;
    }

    private static Int3[] ShellOffsets(int squaredDistance)
    {
        var list = new List<Int3>();
        for (int x = -3; x <= 3; x++)
            for (int y = -3; y <= 3; y++)
                for (int z = -3; z <= 3; z++)
                {
                    var o = new Int3(x, y, z);
                    if (o.IsCationSite && o.Dot(o) == squaredDistance) list.Add(o);
                }
        return list.ToArray();
    }
}
