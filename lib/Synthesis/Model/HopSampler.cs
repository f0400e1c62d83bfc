using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>One hop in a random configuration: the initial configuration, the hop's anatomy, its descriptors in the
/// truth's descriptor set (the last one, delta_e, = the noise-free truth dE) and the truth-model energies.</summary>
internal sealed class SampledHop
{
    public required Composition Composition { get; init; }
    public required byte[] Cations { get; init; }
    public required byte[] Anions { get; init; }
    public required HopAnatomy Anatomy { get; init; }
    /// <summary>True when T1 (the +e3 tetrahedron) is the "up" one.</summary>
    public required bool T1IsUp { get; init; }
    public required double[] Descriptors { get; init; }
    public required double InitialEnergy { get; init; }
    public required double DeltaE { get; init; }

    /// <summary>The final configuration: the Li moved from I to F.</summary>
    public byte[] FinalCations()
    {
        var c = (byte[])Cations.Clone();
        (c[Anatomy.Initial], c[Anatomy.Final]) = (c[Anatomy.Final], c[Anatomy.Initial]);
        return c;
    }
}

/// <summary>Draws random configurations of a composition and a random mobile-ion hop into a vacant NN site.</summary>
internal sealed class HopSampler
{
    private readonly TruthClusterExpansion _ce;
    private readonly TruthClusterExpansion.Lattice _lattice;

    /// <param name="descriptors">The set the hops' descriptors are computed in; the Li-V-O-F standard set when null.</param>
    public HopSampler(TruthClusterExpansion ce, TruthClusterExpansion.Lattice lattice, DescriptorSet? descriptors = null)
    {
        _ce = ce;
        _lattice = lattice;
        Descriptors = descriptors ?? DescriptorSet.LiVOF;
        if (!Descriptors.Chemistry.Equals(ce.Chemistry))
            throw new ArgumentException($"descriptor set of {Descriptors.Chemistry} for a truth CE of {ce.Chemistry}");
    }

    public RockSaltSupercell Cell => _lattice.Cell;

    public DescriptorSet Descriptors { get; }

    /// <param name="withEnergies">False skips the total energy (the truth projection needs only dE).</param>
    public SampledHop Sample(Composition composition, SeededRandom rng, bool withEnergies = true)
    {
        var cell = _lattice.Cell;
        var (cations, anions) = composition.RandomConfiguration(rng);

        // Uniform over (Li, vacant NN) pairs.
        int candidates = 0;
        for (int i = 0; i < cations.Length; i++)
        {
            if (cations[i] != Chemistry.Mobile) continue;
            foreach (int k in cell.CationNeighbors(i))
                if (cations[k] == Chemistry.Vacancy) candidates++;
        }
        if (candidates == 0)
            throw new InvalidOperationException("configuration has no Li next to a vacancy");
        int pick = rng.NextInt(candidates);
        int initial = -1, direction = -1;
        for (int i = 0; i < cations.Length && initial < 0; i++)
        {
            if (cations[i] != Chemistry.Mobile) continue;
            var nn = cell.CationNeighbors(i);
            for (int d = 0; d < 12; d++)
            {
                if (cations[nn[d]] != Chemistry.Vacancy) continue;
                if (pick-- == 0) { initial = i; direction = d; break; }
            }
        }

        var anatomy = new HopAnatomy();
        cell.Anatomy(initial, direction, ref anatomy);
        double dE = _ce.HopDelta(_lattice, cations, anions, anatomy.Initial, anatomy.Final);
        var descriptors = new double[Descriptors.Count];
        bool t1Up = Descriptors.Compute(anatomy, cations, anions, dE, descriptors);
        return new SampledHop
        {
            Composition = composition,
            Cations = cations,
            Anions = anions,
            Anatomy = anatomy,
            T1IsUp = t1Up,
            Descriptors = descriptors,
            InitialEnergy = withEnergies ? _ce.TotalEnergy(_lattice, cations, anions) : double.NaN,
            DeltaE = dE,
        };
    }
}
