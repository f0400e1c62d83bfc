using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

/// <summary>The impact table must leave exactly the rates a full recomputation gives.</summary>
public class EventTableTests
{
    public static TheoryData<string> Providers => new() { "constant", "kra", "kra+pairs", "kra+ce" };

    private static IBarrierProvider Make(string name, KmcLattice lattice)
    {
        var rng = new Random(2);
        var kra = new LinearKraModel(0.3, Enumerable.Range(0, 10).Select(_ => rng.NextDouble() * 0.1 - 0.05).ToArray());
        return name switch
        {
            "constant" => new ConstantBarrier(0.25),
            "kra" => new OnTheFlyBarrier(kra, new PairHopEnergy(lattice.Index, [new double[3, 3]])),
            "kra+ce" => new OnTheFlyBarrier(kra, new Pipeline.Kmc.Models.CeHopEnergy(ModelFiles.RandomCe(4, [1.45, 0.75]), lattice.Cell)),
            _ => new OnTheFlyBarrier(kra, new PairHopEnergy(lattice.Index,
                [new double[,] { { 0, 0, 0 }, { 0, 0.08, -0.05 }, { 0, -0.05, 0.02 } },
                 new double[,] { { 0, 0, 0 }, { 0, 0.03, 0.01 }, { 0, 0.01, 0 } },
                 new double[,] { { 0, 0, 0 }, { 0, -0.02, 0 }, { 0, 0, 0 } }])),
        };
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Incremental_rates_equal_a_full_recomputation_after_many_hops(string provider)
    {
        var lattice = Configurations.Drs(4, 0.6, 3);
        var engine = new KmcEngine(lattice, Make(provider, lattice), 600, 1e13, 17);
        for (int round = 0; round < 5; round++)
        {
            for (int k = 0; k < 400; k++) Assert.True(engine.Step());
            var incremental = Snapshot(engine);
            double total = engine.Events.TotalRate;
            engine.Events.RecomputeAll();
            var full = Snapshot(engine);
            Assert.Equal(full, incremental);
            Assert.Equal(engine.Events.TotalRate, total, engine.Events.TotalRate * 1e-12);
        }
    }

    [Fact]
    public void Rates_are_positive_exactly_for_li_with_a_vacant_neighbour()
    {
        var lattice = Configurations.Drs(3, 0.5, 8);
        var engine = new KmcEngine(lattice, new ConstantBarrier(0.1), 500, 1e13, 1);
        for (int k = 0; k < 200; k++) engine.Step();
        double expected = 1e13 * Math.Exp(-0.1 / (Units.Boltzmann * 500));
        double sum = 0;
        for (int site = 0; site < lattice.Cations.Length; site++)
            for (int d = 0; d < 12; d++)
            {
                bool possible = lattice.Cations[site] == (byte)Species.Li
                    && lattice.Cations[lattice.Neighbor(site, d)] == (byte)Species.Vac;
                double rate = engine.Events.Rate(site, d);
                // Rates are stored in single precision (relative rounding below 6e-8).
                if (possible) Assert.Equal(expected, rate, expected * 6e-8);
                else Assert.Equal(0.0, rate);
                sum += rate;
            }
        Assert.Equal(sum, engine.Events.TotalRate, sum * 1e-12);
    }

    [Fact]
    public void A_run_is_a_pure_function_of_its_seed()
    {
        TrajectorySample[] Run(ulong seed)
        {
            var lattice = Configurations.Drs(3, 0.5, 8);
            return new KmcEngine(lattice, Make("kra+pairs", lattice), 500, 1e13, seed).Run(RunLength.Events(3000), 5);
        }
        Assert.Equal(Run(4), Run(4));
        Assert.NotEqual(Run(4), Run(5));
    }

    [Fact]
    public void A_local_term_that_reads_outside_the_dependencies_is_refused()
    {
        var lattice = Configurations.Drs(3, 0.5, 8);
        var error = Assert.Throws<ArgumentException>(() => new KmcEngine(lattice, new LocalBeyondDependencies(), 500, 1e13, 1));
        Assert.Contains("not among the dependency offsets", error.Message);
    }

    /// <summary>Declares a local term reading a site two shells away while its dependencies are only I and F.</summary>
    private sealed class LocalBeyondDependencies : IBarrierProvider
    {
        public double Barrier(KmcLattice lattice, int from, int direction, int to) => 0.3;

        public IReadOnlyCollection<Int3> DependencyOffsets(int direction) => DependencySets.Endpoints(direction);

        public bool SplitsLocalTerm => true;

        public IReadOnlyCollection<Int3> LocalOffsets(int direction) => [default, new Int3(2, 2, 0)];
    }

    private static double[] Snapshot(KmcEngine engine)
    {
        var lattice = engine.Lattice;
        var rates = new double[12 * lattice.Cations.Length];
        for (int site = 0; site < lattice.Cations.Length; site++)
            for (int d = 0; d < 12; d++) rates[12 * site + d] = engine.Events.Rate(site, d);
        return rates;
    }
}
