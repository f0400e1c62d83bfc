using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Selection;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

public class BarrierTests
{
    private static double[,] RandomShell(Random rng)
    {
        var j = new double[3, 3];
        for (int a = 0; a < 3; a++)
            for (int b = a; b < 3; b++)
                j[a, b] = j[b, a] = rng.NextDouble() * 0.2 - 0.1;
        return j;
    }

    [Fact]
    public void Pair_hop_delta_equals_the_difference_of_total_energies_and_reverses_exactly()
    {
        var rng = new Random(5);
        var lattice = Configurations.Drs(3, 0.6, 9);
        var energy = new PairHopEnergy(lattice.Index, [RandomShell(rng), RandomShell(rng), RandomShell(rng), RandomShell(rng)]);
        var cations = lattice.Cations.ToArray();
        int checkedHops = 0;
        for (int from = 0; from < cations.Length && checkedHops < 60; from++)
        {
            if (cations[from] != (byte)Species.Li) continue;
            for (int d = 0; d < 12; d++)
            {
                int to = lattice.Neighbor(from, d);
                if (cations[to] != (byte)Species.Vac) continue;
                double before = energy.TotalEnergy(cations, lattice.Anions);
                double delta = energy.HopDelta(cations, lattice.Anions, from, to);
                (cations[from], cations[to]) = (cations[to], cations[from]);
                double after = energy.TotalEnergy(cations, lattice.Anions);
                double reverse = energy.HopDelta(cations, lattice.Anions, to, from);
                (cations[from], cations[to]) = (cations[to], cations[from]);
                Assert.Equal(after - before, delta, 1e-10);
                Assert.Equal(-delta, reverse, 1e-12);
                checkedHops++;
            }
        }
        Assert.True(checkedHops >= 30);
    }

    [Fact]
    public void Reverse_hop_descriptors_are_the_forward_ones_with_the_two_nn_tm_counts_swapped()
    {
        // Computed on the configuration after the hop with the reverse anatomy, independently of the kMC's shortcut.
        var lattice = Configurations.Drs(3, 0.7, 4);
        var cell = lattice.Cell;
        var cations = lattice.Cations.ToArray();
        var forward = new double[10];
        var reverse = new double[10];
        int n = 0;
        for (int from = 0; from < cations.Length; from++)
        {
            if (cations[from] != (byte)Species.Li) continue;
            for (int d = 0; d < 12; d++)
            {
                int to = cell.CationNeighbor(from, d);
                if (cations[to] != (byte)Species.Vac) continue;
                HopAnatomy f = default, r = default;
                cell.Anatomy(from, d, ref f);
                HopDescriptors.Compute(f, cations, lattice.Anions, 0, forward);
                (cations[from], cations[to]) = (cations[to], cations[from]);
                cell.Anatomy(to, d ^ 1, ref r);
                HopDescriptors.Compute(r, cations, lattice.Anions, 0, reverse);
                (cations[from], cations[to]) = (cations[to], cations[from]);
                (forward[8], forward[9]) = (forward[9], forward[8]);
                Assert.Equal(forward, reverse);
                n++;
            }
        }
        Assert.True(n > 20);
    }

    [Fact]
    public void On_the_fly_barriers_obey_detailed_balance_hop_by_hop()
    {
        // Ea(forward) - Ea(reverse) = dE for every hop, including clamped ones, with an asymmetric KRA model.
        var rng = new Random(8);
        var lattice = Configurations.Drs(3, 0.8, 12);
        var energy = PairHopEnergy.NearestNeighbour(lattice.Index, 0.3, -0.2);
        var kra = new LinearKraModel(0.05, Enumerable.Range(0, 10).Select(_ => rng.NextDouble() * 0.2 - 0.1).ToArray());
        var provider = new OnTheFlyBarrier(kra, energy);
        int n = 0, clamped = 0;
        for (int from = 0; from < lattice.Cations.Length; from++)
        {
            if (lattice.Cations[from] != (byte)Species.Li) continue;
            for (int d = 0; d < 12; d++)
            {
                int to = lattice.Neighbor(from, d);
                if (lattice.Cations[to] != (byte)Species.Vac) continue;
                double dE = energy.HopDelta(lattice.Cations, lattice.Anions, from, to);
                double ef = provider.Barrier(lattice, from, d, to);
                double rawForward = (float)provider.Kra(lattice, from, d) + dE / 2; // the KRA term is kept in single precision
                var trial = new KmcLattice(lattice.Cell, lattice.Cations, lattice.Anions);
                trial.Hop(from, d, to);
                double eb = provider.Barrier(trial, to, d ^ 1, from);
                Assert.Equal(dE, ef - eb, 1e-12);
                Assert.True(ef >= Math.Max(dE, 0) - 1e-15);
                clamped += ef != rawForward ? 1 : 0;
                n++;
            }
        }
        Assert.True(n > 20);
        Assert.True(clamped > 0, "the configuration should exercise the clamp");
    }

    [Fact]
    public void Dependencies_include_the_endpoints_gates_other_neighbours_and_the_energy_range()
    {
        var cell = RockSaltSupercell.Cubic(3, 4.1);
        var energy = PairHopEnergy.NearestNeighbour(new CubicSiteIndex(cell), 0.1, 0.1);
        var provider = new OnTheFlyBarrier(LinearKraModel.Constant(0.3), energy);
        for (int d = 0; d < 12; d++)
        {
            var v = HopGeometry.NeighborVectors[d];
            var deps = provider.DependencyOffsets(d);
            // NN of I or of F (squared distance 2), plus I and F themselves: 12 + 12 - 4 shared gates... as a set.
            var expected = new HashSet<Int3> { default, v };
            foreach (var n in HopGeometry.NeighborVectors) { expected.Add(n); expected.Add(v + n); }
            Assert.True(expected.SetEquals(deps), $"direction {d}");
        }
        Assert.Equal(2, new ConstantBarrier(0.2).DependencyOffsets(0).Count);
    }
}
