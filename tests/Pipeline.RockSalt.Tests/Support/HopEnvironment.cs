using Pipeline.RockSalt;

namespace Pipeline.RockSalt.Tests.Support;

/// <summary>Species on every site of the reference hop I = (0,0,0) -> F = (1,1,0) (units of a/2), written with the
/// literal coordinates of DOMAIN.md section 2, and the descriptor values that table implies. Placing the
/// environment into a supercell (anywhere, in any orientation) gives the "same physical hop".</summary>
public sealed class HopEnvironment
{
    public static readonly Int3 I = new(0, 0, 0), F = new(1, 1, 0);
    public static readonly Int3[] GatesT1 = [new(1, 0, 1), new(0, 1, 1)];
    public static readonly Int3[] GatesT2 = [new(1, 0, -1), new(0, 1, -1)];
    public static readonly Int3[] Dumbbell = [new(1, 0, 0), new(0, 1, 0)];
    public static readonly Int3[] ApexT1 = [new(0, 0, 1), new(1, 1, 1)];
    public static readonly Int3[] ApexT2 = [new(0, 0, -1), new(1, 1, -1)];
    public static readonly Int3[] Back = [new(-1, 0, 0), new(0, -1, 0), new(2, 1, 0), new(1, 2, 0)];
    public static readonly Int3[] OtherNnI = [new(-1, -1, 0), new(1, -1, 0), new(-1, 1, 0), new(-1, 0, -1), new(-1, 0, 1), new(0, -1, -1), new(0, -1, 1)];
    public static readonly Int3[] OtherNnF = [new(2, 2, 0), new(2, 0, 0), new(0, 2, 0), new(2, 1, 1), new(2, 1, -1), new(1, 2, 1), new(1, 2, -1)];

    public Dictionary<Int3, Species> Sites { get; } = new();

    public Species this[Int3 p]
    {
        get => Sites[p];
        set => Sites[p] = value;
    }

    /// <summary>Li on I, vacancy on F, Li on every other cation site and O on every anion site of the anatomy.</summary>
    public static HopEnvironment Plain()
    {
        var env = new HopEnvironment();
        foreach (var p in GatesT1.Concat(GatesT2).Concat(OtherNnI).Concat(OtherNnF)) env[p] = Species.Li;
        foreach (var p in Dumbbell.Concat(ApexT1).Concat(ApexT2).Concat(Back)) env[p] = Species.O;
        env[I] = Species.Li;
        env[F] = Species.Vac;
        return env;
    }

    /// <summary>Random species on every anatomy site (cations Li/V/Vac, anions O/F).</summary>
    public static HopEnvironment Random(Random rng)
    {
        var env = Plain();
        foreach (var p in env.Sites.Keys.ToArray())
        {
            if (p == I || p == F) continue;
            env[p] = p.IsCationSite ? (Species)rng.Next(0, 3) : (Species)rng.Next(3, 5);
        }
        return env;
    }

    /// <summary>Fills <paramref name="cell"/> with random filler and writes the environment at
    /// initial + transform(r). Fails when two environment sites land on one supercell site (cell too small).</summary>
    public (byte[] Cations, byte[] Anions) Place(RockSaltSupercell cell, Int3 initial, Random filler, Func<Int3, Int3>? transform = null)
    {
        var cations = new byte[cell.CationCount];
        var anions = new byte[cell.AnionCount];
        for (int i = 0; i < cations.Length; i++) cations[i] = (byte)filler.Next(0, 3);
        for (int j = 0; j < anions.Length; j++) anions[j] = (byte)filler.Next(3, 5);
        var written = new HashSet<int>();
        foreach (var (r, species) in Sites)
        {
            var p = initial + (transform is null ? r : transform(r));
            int index = p.IsCationSite ? cell.CationIndex(p) : ~cell.AnionIndex(p);
            if (!written.Add(index)) throw new InvalidOperationException($"environment site {r} overlaps another one in this cell");
            if (p.IsCationSite) cations[index] = (byte)species;
            else anions[~index] = (byte)species;
        }
        return (cations, anions);
    }

    private int Count(IEnumerable<Int3> sites, Species s) => sites.Count(p => Sites[p] == s);

    /// <summary>+1 when T1 (the +z tetrahedron) is up, -1 when T2 is, 0 when the chemistry ties and the gate site
    /// index decides (DOMAIN.md section 2).</summary>
    public int UpSign()
    {
        int tm1 = Count(GatesT1, Species.V), tm2 = Count(GatesT2, Species.V);
        if (tm1 != tm2) return tm1 < tm2 ? 1 : -1;
        int f1 = Count(ApexT1, Species.F), f2 = Count(ApexT2, Species.F);
        if (f1 != f2) return f1 < f2 ? 1 : -1;
        int li1 = Count(GatesT1, Species.Li), li2 = Count(GatesT2, Species.Li);
        if (li1 != li2) return li1 > li2 ? 1 : -1;
        return 0;
    }

    /// <summary>The 11 descriptors from DOMAIN.md section 4, counted on the literal coordinates above.</summary>
    public double[] Descriptors(double deltaE)
    {
        bool t1Up = UpSign() >= 0; // on a full tie both orders give the same values
        var (upGates, downGates) = t1Up ? (GatesT1, GatesT2) : (GatesT2, GatesT1);
        var (upApex, downApex) = t1Up ? (ApexT1, ApexT2) : (ApexT2, ApexT1);
        return
        [
            Count(upGates, Species.V), Count(downGates, Species.V),
            Count(upGates, Species.Li), Count(downGates, Species.Li),
            Count(Dumbbell, Species.F), Count(upApex, Species.F), Count(downApex, Species.F),
            Count(Back, Species.F), Count(OtherNnI, Species.V), Count(OtherNnF, Species.V),
            deltaE,
        ];
    }
}
