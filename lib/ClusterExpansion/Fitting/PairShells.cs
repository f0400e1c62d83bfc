using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Neighbour shells of the rock salt: shell n (1-based) of a sublattice pair is the n-th smallest distance
/// between a site of the first and a site of the second sublattice. Cation-cation and anion-anion shells are the
/// fcc shells (a/sqrt2, a, a sqrt(3/2), a sqrt2, ...); cation-anion shells are at a/2, a sqrt3/2, a sqrt5/2, ...</summary>
public static class PairShells
{
    private const int Range = 8;

    /// <summary>Squared distance (units of (a/2)^2) of shell <paramref name="shell"/>.</summary>
    public static int NormSquared(Sublattice first, Sublattice second, int shell)
    {
        if (shell < 1) throw new ArgumentOutOfRangeException(nameof(shell), shell, "shells are numbered from 1");
        var norms = Norms(first == second).ToArray();
        if (shell > norms.Length) throw new ArgumentOutOfRangeException(nameof(shell), shell, $"only {norms.Length} shells are tabulated");
        return norms[shell - 1];
    }

    /// <summary>All displacements (units of a/2) from a site of <paramref name="first"/> to the sites of
    /// <paramref name="second"/> in the shell.</summary>
    public static Int3[] Vectors(Sublattice first, Sublattice second, int shell)
    {
        int norm = NormSquared(first, second, shell);
        return Displacements(first == second).Where(d => d.Dot(d) == norm).ToArray();
    }

    private static IEnumerable<int> Norms(bool sameSublattice)
        => Displacements(sameSublattice).Select(d => d.Dot(d)).Where(n => n <= Range * Range).Distinct().Order();

    private static IEnumerable<Int3> Displacements(bool sameSublattice)
    {
        for (int x = -Range; x <= Range; x++)
            for (int y = -Range; y <= Range; y++)
                for (int z = -Range; z <= Range; z++)
                {
                    var d = new Int3(x, y, z);
                    if (d.IsCationSite == sameSublattice && d != default) yield return d;
                }
    }
}
