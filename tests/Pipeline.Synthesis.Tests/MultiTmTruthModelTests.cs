using Pipeline.RockSalt;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Tests;

/// <summary>The multi-TM truth models on their own: the lattice gas's local hop energy is exact (DOMAIN.md section 6
/// oracle) with three cation species plus vacancies, and the element-resolved path models give hand-computed KRAs.</summary>
public class MultiTmTruthModelTests
{
    private static readonly RockSaltSupercell s_cell = RockSaltSupercell.Primitive(3, 4, 5, 4.17);
    private static readonly TruthClusterExpansion.Lattice s_lattice = new(s_cell);

    [Theory]
    [InlineData("LiMnTiOF")]
    [InlineData("LiMnNbOF")]
    public void Hop_delta_equals_the_difference_of_two_full_evaluations_and_reverses_exactly(string name)
    {
        var chemistry = SynthesisChemistry.Named(name);
        var ce = chemistry.CreateCe();
        var sampler = new HopSampler(ce, s_lattice, chemistry.Descriptors);
        for (int i = 0; i < 200; i++)
        {
            var rng = SeededRandom.For(11, SeededRandom.Purpose.TruthSample, i);
            var composition = Composition.For(new[] { 0.1, 0.3, 0.6 }[i % 3], s_cell.CationCount, 4.17, chemistry.Formula);
            var hop = sampler.Sample(composition, rng);
            var final = hop.FinalCations();
            double full = ce.TotalEnergy(s_lattice, final, hop.Anions) - ce.TotalEnergy(s_lattice, hop.Cations, hop.Anions);
            Assert.Equal(full, hop.DeltaE, 1e-10);
            Assert.Equal(-hop.DeltaE, ce.HopDelta(s_lattice, final, hop.Anions, hop.Anatomy.Final, hop.Anatomy.Initial), 1e-12);
            Assert.InRange(hop.InitialEnergy / composition.AtomCount, -7.0, -5.0);
            Assert.Equal(chemistry.Descriptors.Count, hop.Descriptors.Length);
            Assert.Equal(hop.DeltaE, hop.Descriptors[^1]);
        }
    }

    [Fact]
    public void Element_path_models_give_the_hand_computed_KRA()
    {
        var barriers = SynthesisChemistry.Named("LiMnTiOF").CreateBarriers(0, 0);
        var set = barriers.Descriptors;
        double[] D(params (string Name, double Value)[] values)
        {
            var d = new double[set.Count];
            foreach (var (n, v) in values) d[set.Names.ToList().IndexOf(n)] = v;
            return d;
        }
        var up = barriers.Paths[(int)HopPath.Up];
        var straight = barriers.Paths[(int)HopPath.Straight];
        Assert.Equal(0.36, up.Kra(D()), 12);
        Assert.Equal(0.36 + 0.26, up.Kra(D(("gate_Mn_up", 1))), 12);
        Assert.Equal(0.36 + 0.44, up.Kra(D(("gate_Ti_up", 1))), 12);
        // A 2-TM tetrahedron (one Mn, one Ti) gets the 0.1 eV extra: the TM count is the sum of the element gates.
        Assert.Equal(0.36 + 0.26 + 0.44 + 0.10, up.Kra(D(("gate_Mn_up", 1), ("gate_Ti_up", 1))), 12);
        Assert.Equal(0.36 + 2 * 0.44 + 0.10, up.Kra(D(("gate_Ti_up", 2))), 12);
        Assert.Equal(0.36 + 0.05 + 0.05 + 0.020 + 0.008, up.Kra(D(("gate_li_up", 1), ("apex_F_up", 1), ("nn_Ti_initial", 1), ("nn_Mn_final", 1))), 12);
        Assert.Equal(0.85 + 0.15 + 0.02 + 0.04, straight.Kra(D(("dumbbell_F", 1), ("gate_Mn_up", 1), ("gate_Ti_down", 1))), 12);
        // The hop takes the cheapest path: one Ti gate on each side gives 0.80 eV tetrahedra, below the straight
        // path's 0.85 + 2 x 0.04; two Mn gates on each side give 0.98 eV tetrahedra, above the straight 0.85 + 4 x 0.02.
        Assert.Equal(0.36 + 0.44, barriers.NoiseFreeKra(D(("gate_Ti_up", 1), ("gate_Ti_down", 1))), 12);
        Assert.Equal(0.85 + 4 * 0.02, barriers.NoiseFreeKra(D(("gate_Mn_up", 2), ("gate_Mn_down", 2))), 12);
    }
}
