using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Models;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

/// <summary>The flip-energy cache of <see cref="CeHopEnergy"/> must give the evaluator's dE for every possible hop of
/// the live configuration, however long the run, and must not be used for any other configuration.</summary>
public class CeHopEnergyTests
{
    public static TheoryData<double[]> Spaces => new() { new[] { 1.0 }, new[] { 1.45, 0.75, 0.75 } };

    [Theory]
    [MemberData(nameof(Spaces))]
    public void Cached_hop_energies_match_the_evaluator_and_total_energies_during_a_run(double[] cutoffs)
    {
        var lattice = Configurations.Drs(4, 0.6, 5);
        var energy = new CeHopEnergy(ModelFiles.RandomCe(3, cutoffs), lattice.Cell);
        var rng = new Random(1);
        var kra = new LinearKraModel(0.3, Enumerable.Range(0, 10).Select(_ => rng.NextDouble() * 0.1 - 0.05).ToArray());
        var engine = new KmcEngine(lattice, new OnTheFlyBarrier(kra, energy), 700, 1e13, 3);
        var evaluator = energy.Evaluator;
        for (int round = 0; round < 3; round++)
        {
            for (int k = 0; k < 300; k++) Assert.True(engine.Step());
            int hops = 0;
            for (int from = 0; from < lattice.Cations.Length; from++)
            {
                if (lattice.Cations[from] != (byte)Species.Li) continue;
                for (int d = 0; d < 12; d++)
                {
                    int to = lattice.Neighbor(from, d);
                    if (lattice.Cations[to] != (byte)Species.Vac) continue;
                    double cached = energy.HopDelta(lattice.Cations, lattice.Anions, from, to);
                    Assert.Equal(evaluator.HopDelta(lattice.Cations, lattice.Anions, from, to), cached, 1e-12);
                    if (hops++ % 25 != 0) continue;
                    var after = lattice.Cations.ToArray();
                    (after[from], after[to]) = (after[to], after[from]);
                    double exact = evaluator.TotalEnergy(after, lattice.Anions) - evaluator.TotalEnergy(lattice.Cations, lattice.Anions);
                    Assert.Equal(exact, cached, 1e-9);
                }
            }
            Assert.True(hops > 20);
        }
    }

    [Fact]
    public void A_copy_of_the_configuration_is_evaluated_without_the_cache()
    {
        var lattice = Configurations.Drs(3, 0.6, 6);
        var energy = new CeHopEnergy(ModelFiles.RandomCe(4), lattice.Cell);
        energy.Rebuild(lattice);
        var copy = lattice.Cations.ToArray();
        var (from, direction) = FirstHop(lattice);
        int to = lattice.Neighbor(from, direction);
        // Change the copy behind the hop (NN of the initial site only, so the change does not cancel between the two
        // ends): a stale cache would not see it.
        int other = lattice.Neighbor(from, direction ^ 1);
        copy[other] = copy[other] == (byte)Species.V ? (byte)Species.Li : (byte)Species.V;
        double onCopy = energy.HopDelta(copy, lattice.Anions, from, to);
        Assert.Equal(energy.Evaluator.HopDelta(copy, lattice.Anions, from, to), onCopy);
        Assert.NotEqual(energy.HopDelta(lattice.Cations, lattice.Anions, from, to), onCopy, 1e-9);
    }

    private static (int From, int Direction) FirstHop(KmcLattice lattice)
    {
        for (int from = 0; from < lattice.Cations.Length; from++)
            for (int d = 0; d < 12; d++)
                if (lattice.Cations[from] == (byte)Species.Li && lattice.Cations[lattice.Neighbor(from, d)] == (byte)Species.Vac)
                    return (from, d);
        throw new InvalidOperationException("no possible hop");
    }

    [Fact]
    public void After_hop_on_a_lattice_it_was_not_built_for_is_refused()
    {
        var lattice = Configurations.Drs(3, 0.6, 6);
        var energy = new CeHopEnergy(ModelFiles.RandomCe(4), lattice.Cell);
        energy.Rebuild(lattice);
        var other = new KmcLattice(lattice.Cell, lattice.Cations, lattice.Anions);
        Assert.Throws<InvalidOperationException>(() => energy.AfterHop(other, 0, 0, lattice.Neighbor(0, 0)));
    }
}
