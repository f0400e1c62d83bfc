using Pipeline.Featurize.Hops;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests.Support;

/// <summary>A hop of any chemistry written site by site: element symbols ("Vac" for an empty cation site) on the
/// literal coordinates of the reference hop I = (0,0,0) -> F = (1,1,0) of DOMAIN.md section 2 (the site lists of
/// <see cref="HopEnvironment"/>), placed into a supercell whose other sites get random species of the chemistry, then
/// written as a hops row (lattice, symbols, fractional coordinates), optionally rotated and with shuffled atoms.
/// <see cref="StandardOracle"/> and <see cref="ElementOracle"/> count the descriptors on the literal coordinates,
/// by the definitions of DOMAIN.md sections 4 and 10, independently of the production code.</summary>
public sealed class ElementHop(Chemistry chemistry)
{
    public Chemistry Chemistry { get; } = chemistry;

    public Dictionary<Int3, string> Sites { get; } = new();

    public string this[Int3 p]
    {
        get => Sites[p];
        set => Sites[p] = value;
    }

    private static IEnumerable<Int3> CationSites => HopEnvironment.GatesT1.Concat(HopEnvironment.GatesT2)
        .Concat(HopEnvironment.OtherNnI).Concat(HopEnvironment.OtherNnF);

    private static IEnumerable<Int3> AnionSites => HopEnvironment.Dumbbell.Concat(HopEnvironment.ApexT1)
        .Concat(HopEnvironment.ApexT2).Concat(HopEnvironment.Back);

    /// <summary>Mobile ion on I and on every other cation site, vacancy on F, the host anion everywhere.</summary>
    public static ElementHop Plain(Chemistry chemistry)
    {
        var hop = new ElementHop(chemistry);
        foreach (var p in CationSites) hop[p] = chemistry.MobileIon;
        foreach (var p in AnionSites) hop[p] = chemistry.Anions[0];
        hop[HopEnvironment.I] = chemistry.MobileIon;
        hop[HopEnvironment.F] = "Vac";
        return hop;
    }

    /// <summary>Random species of the chemistry on every anatomy site but I and F.</summary>
    public static ElementHop Random(Chemistry chemistry, Random rng)
    {
        var hop = Plain(chemistry);
        foreach (var p in CationSites) hop[p] = RandomCation(chemistry, rng);
        foreach (var p in AnionSites) hop[p] = chemistry.Anions[rng.Next(chemistry.Anions.Count)];
        return hop;
    }

    private static string RandomCation(Chemistry chemistry, Random rng)
    {
        int k = rng.Next(chemistry.OtherCations.Count + 2);
        return k == 0 ? "Vac" : k == 1 ? chemistry.MobileIon : chemistry.OtherCations[k - 2];
    }

    private bool IsTm(string s) => Chemistry.OtherCations.Contains(s);

    private int Count(IEnumerable<Int3> sites, Func<string, bool> match) => sites.Count(p => match(Sites[p]));

    /// <summary>+1 when T1 is up, -1 when T2 is, 0 on a tie of every chemistry criterion (DOMAIN.md section 2).</summary>
    public int UpSign()
    {
        int tm1 = Count(HopEnvironment.GatesT1, IsTm), tm2 = Count(HopEnvironment.GatesT2, IsTm);
        if (tm1 != tm2) return tm1 < tm2 ? 1 : -1;
        int f1 = Count(HopEnvironment.ApexT1, s => s == Chemistry.Substituent);
        int f2 = Count(HopEnvironment.ApexT2, s => s == Chemistry.Substituent);
        if (f1 != f2) return f1 < f2 ? 1 : -1;
        int li1 = Count(HopEnvironment.GatesT1, s => s == Chemistry.MobileIon);
        int li2 = Count(HopEnvironment.GatesT2, s => s == Chemistry.MobileIon);
        if (li1 != li2) return li1 > li2 ? 1 : -1;
        return 0;
    }

    private (Int3[] UpGates, Int3[] DownGates, Int3[] UpApex, Int3[] DownApex) Oriented()
        => UpSign() >= 0
            ? (HopEnvironment.GatesT1, HopEnvironment.GatesT2, HopEnvironment.ApexT1, HopEnvironment.ApexT2)
            : (HopEnvironment.GatesT2, HopEnvironment.GatesT1, HopEnvironment.ApexT2, HopEnvironment.ApexT1);

    /// <summary>The 11 standard descriptors: TM = any non-mobile cation, li = the mobile ion, f = the substituent.</summary>
    public double[] StandardOracle(double deltaE)
    {
        var (upG, downG, upA, downA) = Oriented();
        bool F(string s) => s == Chemistry.Substituent;
        bool Li(string s) => s == Chemistry.MobileIon;
        return
        [
            Count(upG, IsTm), Count(downG, IsTm), Count(upG, Li), Count(downG, Li),
            Count(HopEnvironment.Dumbbell, F), Count(upA, F), Count(downA, F), Count(HopEnvironment.Back, F),
            Count(HopEnvironment.OtherNnI, IsTm), Count(HopEnvironment.OtherNnF, IsTm), deltaE,
        ];
    }

    /// <summary>The element-resolved descriptors by name (DOMAIN.md section 10).</summary>
    public Dictionary<string, double> ElementOracle(double deltaE)
    {
        var (upG, downG, upA, downA) = Oriented();
        var d = new Dictionary<string, double>();
        foreach (var e in Chemistry.OtherCations)
        {
            d[$"gate_{e}_up"] = Count(upG, s => s == e);
            d[$"gate_{e}_down"] = Count(downG, s => s == e);
            d[$"nn_{e}_initial"] = Count(HopEnvironment.OtherNnI, s => s == e);
            d[$"nn_{e}_final"] = Count(HopEnvironment.OtherNnF, s => s == e);
        }
        d["gate_li_up"] = Count(upG, s => s == Chemistry.MobileIon);
        d["gate_li_down"] = Count(downG, s => s == Chemistry.MobileIon);
        foreach (var a in Chemistry.Anions.Skip(1))
        {
            d[$"dumbbell_{a}"] = Count(HopEnvironment.Dumbbell, s => s == a);
            d[$"apex_{a}_up"] = Count(upA, s => s == a);
            d[$"apex_{a}_down"] = Count(downA, s => s == a);
            d[$"back_{a}"] = Count(HopEnvironment.Back, s => s == a);
        }
        d["delta_e"] = deltaE;
        return d;
    }

    /// <summary>The hop as a hops row in <paramref name="cell"/> with I at <paramref name="initial"/>.</summary>
    public HopRecord Build(RockSaltSupercell cell, Int3 initial, int fillerSeed = 1, double[]? deformation = null,
        int? shuffleSeed = null, string calcId = "neb/hop_0001", double eReaction = 0.1)
    {
        var filler = new Random(fillerSeed);
        var cations = new string[cell.CationCount];
        var anions = new string[cell.AnionCount];
        for (int i = 0; i < cations.Length; i++) cations[i] = RandomCation(Chemistry, filler);
        // The host anion is the majority, as in a real oxyfluoride (inference takes the most abundant anion as host).
        for (int j = 0; j < anions.Length; j++)
            anions[j] = filler.NextDouble() < 0.75 ? Chemistry.Anions[0] : Chemistry.Anions[filler.Next(Chemistry.Anions.Count)];
        var written = new HashSet<int>();
        foreach (var (r, element) in Sites)
        {
            var p = initial + r;
            int index = p.IsCationSite ? cell.CationIndex(p) : ~cell.AnionIndex(p);
            if (!written.Add(index)) throw new InvalidOperationException($"environment site {r} overlaps another one in this cell");
            if (p.IsCationSite) cations[index] = element;
            else anions[~index] = element;
        }

        var symbols = new List<string>();
        var positions = new List<Vec3>();
        int moving = -1;
        for (int i = 0; i < cations.Length; i++)
        {
            if (cations[i] == "Vac") continue;
            if (i == cell.CationIndex(initial)) moving = symbols.Count;
            symbols.Add(cations[i]);
            positions.Add(cell.CationPosition(i));
        }
        for (int j = 0; j < anions.Length; j++)
        {
            symbols.Add(anions[j]);
            positions.Add(cell.AnionPosition(j));
        }
        var order = Enumerable.Range(0, symbols.Count).ToArray();
        if (shuffleSeed is int s) new Random(s).Shuffle(order);
        var species = order.Select(k => symbols[k]).ToArray();
        var initialPositions = order.Select(k => positions[k]).ToArray();
        moving = Array.IndexOf(order, moving);
        var finalPositions = (Vec3[])initialPositions.Clone();
        finalPositions[moving] += (Vec3)HopEnvironment.F;
        var saddle = initialPositions[moving] + 0.5 * (Vec3)HopEnvironment.F;

        var factory = new StructureFactory(cell, deformation);
        var saddleFrac = factory.Fractional(saddle);
        return new HopRecord(calcId, factory.Lattice, species, Wrap(factory.Frac(initialPositions)),
            Wrap(factory.Frac(finalPositions)), moving, Wrap([saddleFrac.X, saddleFrac.Y, saddleFrac.Z]),
            EForward: 0.5 + eReaction / 2, EKra: 0.5, EReaction: eReaction);
    }

    private static double[] Wrap(double[] frac) => frac.Select(f => f - Math.Floor(f)).ToArray();
}
