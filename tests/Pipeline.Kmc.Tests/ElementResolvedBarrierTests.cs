using Pipeline.Contracts;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Models;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

/// <summary>On-the-fly barriers from an element-resolved KRA model (gate_Mn_*, gate_Ti_*, nn_Mn_*, nn_Ti_*, ...) on
/// Li-Mn-Ti-O-F, where a Ti gate and a Mn gate cost different energies.</summary>
public sealed class ElementResolvedBarrierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kmc-element-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DescriptorSet s_set = DescriptorSet.Create(DescriptorSet.ElementResolved, MultiCation.LiMnTiOF);

    /// <summary>A fitted-model file over the element set's KRA columns, in a shuffled feature order (the adapter must map
    /// by name), with gate_Mn_up/down far from gate_Ti_up/down and unequal nn initial/final weights.</summary>
    private static KraModelAdapter ElementModel(int seed)
    {
        var rng = new Random(seed);
        var names = s_set.Names.Take(s_set.KraCount).OrderBy(_ => rng.Next()).ToArray();
        var coef = names.Select(n => n switch
        {
            "gate_Mn_up" => 0.20, "gate_Mn_down" => 0.06, "gate_Ti_up" => -0.04, "gate_Ti_down" => 0.01,
            _ => 0.1 * rng.NextDouble() - 0.05,
        }).ToArray();
        var template = BarrierModel.FromStandardizedFit("e_kra", names, new double[names.Length], Enumerable.Repeat(1.0, names.Length).ToArray(),
            0.3, coef, 1e-3, [1e-3], [0.01], new LassoSettings(5, 100, 1e-3, 1e-4, 1000, null, false), 0.05, "test", "test");
        return new KraModelAdapter(ModelFiles.WithChemistry(template, MultiCation.LiMnTiOF, DescriptorSet.ElementResolved), "element.json",
            MultiCation.LiMnTiOF);
    }

    [Fact]
    public void Every_hop_and_its_reverse_obey_detailed_balance_exactly()
    {
        // Ea(forward) - Ea(reverse) = dE for every possible hop of many visited states: the symmetrized KRA of a
        // hop and of its reverse must be the same number (bit for bit), so the clamp cannot break the balance.
        var lattice = MultiCation.Relabel(Configurations.Drs(4, 0.9, 41), 42);
        var rng = new Random(43);
        var energy = new PairHopEnergy(lattice.Index, [MultiCation.RandomShell(rng, 4, 0.15), MultiCation.RandomShell(rng, 4, 0.05)]);
        var barrier = new OnTheFlyBarrier(ElementModel(44), energy);
        var engine = new KmcEngine(lattice, barrier, 700, 1e13, 45);
        int hops = 0, clamped = 0;
        for (int state = 0; state < 25; state++)
        {
            for (int k = 0; k < 300; k++) engine.Step();
            var live = engine.Lattice;
            for (int from = 0; from < live.Cations.Length; from++)
            {
                if (live.Cations[from] != Chemistry.Mobile) continue;
                for (int d = 0; d < 12; d++)
                {
                    int to = live.Neighbor(from, d);
                    if (live.Cations[to] != Chemistry.Vacancy) continue;
                    var trial = new KmcLattice(live.Cell, live.Cations, live.Anions, MultiCation.LiMnTiOF);
                    double dE = energy.HopDelta(trial.Cations, trial.Anions, from, to);
                    double forward = barrier.Barrier(trial, from, d, to);
                    float kraForward = barrier.LocalTerm(trial, from, d, to);
                    trial.Hop(from, d, to);
                    int back = d ^ 1;
                    Assert.Equal(-HopGeometry.NeighborVectors[d], HopGeometry.NeighborVectors[back]);
                    double reverse = barrier.Barrier(trial, to, back, from);
                    Assert.Equal(kraForward, barrier.LocalTerm(trial, to, back, from));
                    Assert.Equal(dE, forward - reverse, 1e-12);
                    hops++;
                    if (forward == Math.Max(dE, 0) || reverse == Math.Max(-dE, 0)) clamped++;
                }
            }
        }
        Assert.True(hops > 1000, $"only {hops} hops checked");
        Assert.True(clamped > 0, "some barriers must hit the clamp for the test to cover it");
    }

    [Fact]
    public void The_model_tells_a_ti_gate_from_a_mn_gate()
    {
        // Swapping Mn and Ti everywhere changes barriers by the gate coefficients' differences; with a model
        // that cannot tell them apart it changes nothing (RelabellingInvarianceTests).
        var lattice = MultiCation.Relabel(Configurations.Drs(4, 0.9, 51), 52);
        var swapped = lattice.Cations.Select(c => c == MultiCation.Mn ? MultiCation.Ti : c == MultiCation.Ti ? MultiCation.Mn : c).ToArray();
        var other = new KmcLattice(lattice.Cell, swapped, lattice.Anions, MultiCation.LiMnTiOF);
        var barrier = new OnTheFlyBarrier(ElementModel(53), new PairHopEnergy(lattice.Index, [new double[4, 4]]));
        int differ = 0;
        for (int from = 0; from < lattice.Cations.Length; from++)
            for (int d = 0; d < 12; d++)
            {
                int to = lattice.Neighbor(from, d);
                if (lattice.Cations[from] != Chemistry.Mobile || lattice.Cations[to] != Chemistry.Vacancy) continue;
                if (Math.Abs(barrier.Kra(lattice, from, d) - barrier.Kra(other, from, d)) > 0.02) differ++;
            }
        Assert.True(differ > 10, $"{differ} hops changed barrier when Mn and Ti were swapped");
    }

    [Fact]
    public void The_element_resolved_event_loop_allocates_nothing()
    {
        var lattice = MultiCation.Relabel(Configurations.Drs(4, 0.5, 61), 62);
        var energy = new PairHopEnergy(lattice.Index, [MultiCation.RandomShell(new Random(63), 4)]);
        var engine = new KmcEngine(lattice, new OnTheFlyBarrier(ElementModel(64), energy), 600, 1e13, 65);
        for (int k = 0; k < 2000; k++) engine.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 3000; k++) engine.Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
