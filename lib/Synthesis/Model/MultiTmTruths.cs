using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>Per-element physics of one other cation ("TM") in a multi-TM truth: what its presence costs a Li hop.
/// Energies in eV per count.</summary>
/// <param name="Gate">KRA cost of one such cation on a gate of the tetrahedron the Li passes through (Ti4+ and Nb5+
/// repel the activated Li more than Mn2+/3+: the higher the charge, the higher the cost).</param>
/// <param name="NnInitial">Cost per such cation among the 7 other NN of the initial site.</param>
/// <param name="NnFinal">Cost per such cation among the 7 other NN of the final site.</param>
/// <param name="StraightGate">Cost per such cation on a gate for the straight (oxygen-dumbbell) path.</param>
internal sealed record TmBarrierEffect(double Gate, double NnInitial, double NnFinal, double StraightGate);

/// <summary>The planted truths of the multi-TM synthetic chemistries: path models on the element-resolved
/// <see cref="DescriptorSet"/> (each TM element its own gate and neighbour costs) and lattice-gas energies with
/// point and pair energies for every species.</summary>
internal static class MultiTmTruths
{
    /// <summary>Per-path KRA models with element-specific effects, in the shape of the Li-V-O-F truth: tetrahedral
    /// paths 0.36 eV + gate costs per element (+0.1 for a 2-TM tetrahedron), Li on a gate +0.05, the substituent
    /// anion in the tetrahedron or behind the end points slightly raises it; the straight path 0.85 eV + 0.15 per
    /// substituent in the dumbbell and small element-specific gate/neighbour effects. The straight path sits higher
    /// than Li-V-O-F's 0.70 eV so that a 1-TM tetrahedron of the costlier element (0.80 eV) is still taken through
    /// the tetrahedron: otherwise the path minimum would cap that element's gate effect at the straight barrier and
    /// the linear truth could hardly tell the elements apart.</summary>
    public static TruthBarrierModel Barriers(Chemistry chemistry, IReadOnlyDictionary<string, TmBarrierEffect> effects,
        double noiseBase, double noiseRelative, double margin = 0.02)
    {
        var set = DescriptorSet.Create(DescriptorSet.ElementResolved, chemistry);
        var tms = chemistry.OtherCations;
        foreach (var tm in tms)
            if (!effects.ContainsKey(tm)) throw new ArgumentException($"truth barriers: no gate effect for {tm}");
        string? f = chemistry.Substituent;

        PathModel Tetrahedral(HopPath path, string side)
        {
            var c = new List<(string, double)>();
            foreach (var tm in tms) c.Add(($"gate_{tm}_{side}", effects[tm].Gate));
            c.Add(($"gate_li_{side}", 0.05));
            if (f is not null) c.AddRange([($"dumbbell_{f}", 0.03), ($"apex_{f}_{side}", 0.05), ($"back_{f}", 0.02)]);
            foreach (var tm in tms) c.AddRange([($"nn_{tm}_initial", effects[tm].NnInitial), ($"nn_{tm}_final", effects[tm].NnFinal)]);
            return new PathModel(path, 0.36, c, tms.Select(tm => $"gate_{tm}_{side}").ToArray(), 0.10, set);
        }

        var straight = new List<(string, double)>();
        foreach (var tm in tms) straight.AddRange([($"gate_{tm}_up", effects[tm].StraightGate), ($"gate_{tm}_down", effects[tm].StraightGate)]);
        if (f is not null) straight.AddRange([($"dumbbell_{f}", 0.15), ($"back_{f}", 0.02)]);
        foreach (var tm in tms) straight.AddRange([($"nn_{tm}_initial", 0.010), ($"nn_{tm}_final", 0.010)]);
        return new TruthBarrierModel(Tetrahedral(HopPath.Up, "up"), Tetrahedral(HopPath.Down, "down"),
            new PathModel(HopPath.Straight, 0.85, straight, [], 0, set), noiseBase, noiseRelative, margin);
    }

    /// <summary>Li-Mn-Ti-O-F: a Mn gate costs 0.26 eV, a Ti gate 0.44 eV (Ti4+ against Mn2+/3+).</summary>
    public static IReadOnlyDictionary<string, TmBarrierEffect> MnTiEffects { get; } = new Dictionary<string, TmBarrierEffect>
    {
        ["Mn"] = new(0.26, 0.012, 0.008, 0.02),
        ["Ti"] = new(0.44, 0.020, 0.012, 0.04),
    };

    /// <summary>Li-Mn-Nb-O-F: a Mn gate costs 0.26 eV, an Nb gate 0.48 eV (Nb5+).</summary>
    public static IReadOnlyDictionary<string, TmBarrierEffect> MnNbEffects { get; } = new Dictionary<string, TmBarrierEffect>
    {
        ["Mn"] = new(0.26, 0.012, 0.008, 0.02),
        ["Nb"] = new(0.48, 0.025, 0.015, 0.05),
    };

    /// <summary>Lattice gas of Li(1.2-x)Mn0.4Ti0.4O1.8F0.2 (eV): cation repulsion growing with charge (Ti-Ti
    /// strongest), Li-F and Mn-F attraction (fluorine gathers Li and the low-valent Mn), Ti-O stronger than Ti-F.</summary>
    public static TruthClusterExpansion MnTiCe(Chemistry chemistry) => Ce(chemistry, "Mn", "Ti",
        point: (-8.60, -9.60),
        cc1: (0.040, 0.065, 0.085, 0.095, 0.115, 0.140),
        cc2: (0.010, 0.015, 0.025, 0.030, 0.040, 0.055),
        ca1: (-0.100, -0.160, -0.130, -0.120, -0.170, -0.070));

    /// <summary>Lattice gas of Li(1.3-x)Mn0.4Nb0.3O1.7F0.3 (eV): as Li-Mn-Ti-O-F with Nb5+ in Ti4+'s place (stronger
    /// repulsion and O preference).</summary>
    public static TruthClusterExpansion MnNbCe(Chemistry chemistry) => Ce(chemistry, "Mn", "Nb",
        point: (-8.60, -10.40),
        cc1: (0.040, 0.065, 0.095, 0.095, 0.125, 0.160),
        cc2: (0.010, 0.015, 0.030, 0.030, 0.045, 0.065),
        ca1: (-0.100, -0.160, -0.130, -0.120, -0.190, -0.060));

    /// <param name="point">Point energies of the two TMs (Li -1.90, O -7.00, F -4.20 as in Li-V-O-F).</param>
    /// <param name="cc1">Cation NN pairs Li-Li, Li-A, Li-B, A-A, A-B, B-B.</param>
    /// <param name="cc2">Cation second-shell pairs, same order.</param>
    /// <param name="ca1">Cation-anion pairs Li-O, Li-F, A-O, A-F, B-O, B-F.</param>
    private static TruthClusterExpansion Ce(Chemistry chemistry, string a, string b, (double A, double B) point,
        (double, double, double, double, double, double) cc1, (double, double, double, double, double, double) cc2,
        (double, double, double, double, double, double) ca1)
    {
        Species S(string symbol) => (Species)chemistry.Code(symbol);
        Species li = S(chemistry.MobileIon), ta = S(a), tb = S(b), o = S(chemistry.Anions[0]), f = S(chemistry.Substituent!);
        var pairs = new List<PairInteraction>();
        void Cations(int shell, (double, double, double, double, double, double) e)
        {
            pairs.Add(new(shell, PairSublattices.CationCation, li, li, e.Item1));
            pairs.Add(new(shell, PairSublattices.CationCation, li, ta, e.Item2));
            pairs.Add(new(shell, PairSublattices.CationCation, li, tb, e.Item3));
            pairs.Add(new(shell, PairSublattices.CationCation, ta, ta, e.Item4));
            pairs.Add(new(shell, PairSublattices.CationCation, ta, tb, e.Item5));
            pairs.Add(new(shell, PairSublattices.CationCation, tb, tb, e.Item6));
        }
        Cations(1, cc1);
        Cations(2, cc2);
        pairs.Add(new(1, PairSublattices.AnionAnion, o, o, 0.030));
        pairs.Add(new(1, PairSublattices.AnionAnion, o, f, 0.010));
        pairs.Add(new(1, PairSublattices.AnionAnion, f, f, 0.040));
        pairs.Add(new(1, PairSublattices.CationAnion, li, o, ca1.Item1));
        pairs.Add(new(1, PairSublattices.CationAnion, li, f, ca1.Item2));
        pairs.Add(new(1, PairSublattices.CationAnion, ta, o, ca1.Item3));
        pairs.Add(new(1, PairSublattices.CationAnion, ta, f, ca1.Item4));
        pairs.Add(new(1, PairSublattices.CationAnion, tb, o, ca1.Item5));
        pairs.Add(new(1, PairSublattices.CationAnion, tb, f, ca1.Item6));
        var points = new Dictionary<Species, double>
        {
            [(Species)Chemistry.Vacancy] = 0.0, [li] = -1.90, [ta] = point.A, [tb] = point.B, [o] = -7.00, [f] = -4.20,
        };
        return new TruthClusterExpansion(points, pairs, chemistry);
    }
}
