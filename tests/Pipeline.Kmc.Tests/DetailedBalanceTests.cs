using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Models;
using Pipeline.Kmc.Observables;
using Pipeline.RockSalt;
using Xunit.Abstractions;

namespace Pipeline.Kmc.Tests;

/// <summary>A long kMC run with environment-dependent barriers samples the Boltzmann distribution: its time average
/// of the energy equals the canonical Metropolis average. The energy is a small random cluster expansion (pairs to
/// the 2nd shell) through the CE library; the Metropolis average comes from the library's own
/// CanonicalMonteCarlo restricted to Li/vacancy swaps, the ensemble the kMC explores (V and anions frozen).</summary>
public class DetailedBalanceTests(ITestOutputHelper output)
{
    private const double T = 600;

    [Fact]
    public void Kmc_time_average_of_the_ce_energy_equals_the_canonical_metropolis_average()
    {
        var start = Configurations.Drs(3, 0.8, 21);
        var ce = ModelFiles.RandomCe(11, [1.0]);
        var energy = new CeHopEnergy(ce, start.Cell);
        var rng = new Random(3);
        var kra = new LinearKraModel(0.3, Enumerable.Range(0, 10).Select(_ => rng.NextDouble() * 0.1 - 0.05).ToArray());

        var kmc = KmcAverage(new KmcLattice(start.Cell, start.Cations, start.Anions), energy, kra);
        var mc = MetropolisAverage(start.Cations.ToArray(), start.Anions.ToArray(), energy.Evaluator);
        var random = MetropolisAverage(start.Cations.ToArray(), start.Anions.ToArray(), energy.Evaluator, temperature: 1e9);
        output.WriteLine($"kMC {kmc.Mean:F4} +- {kmc.StandardError:F4}, Metropolis {mc.Mean:F4} +- {mc.StandardError:F4}, random {random.Mean:F4} eV");

        double sigma = Math.Sqrt(kmc.StandardError * kmc.StandardError + mc.StandardError * mc.StandardError);
        Assert.True(Math.Abs(kmc.Mean - mc.Mean) < 4 * sigma, "kMC and Metropolis averages differ");
        Assert.True(Math.Abs(random.Mean - mc.Mean) > 10 * sigma, "the interactions must move the average for the test to mean anything");
    }

    private static MeanWithError KmcAverage(KmcLattice lattice, CeHopEnergy energy, IKraModel kra)
    {
        var engine = new KmcEngine(lattice, new OnTheFlyBarrier(kra, energy), T, 1e13, 99);
        double e = energy.TotalEnergy(lattice.Cations, lattice.Anions);
        for (int k = 0; k < 10_000; k++) { engine.Step(); e = Track(engine, energy, e); }
        const int blocks = 20, perBlock = 5_000;
        var averages = new List<double>();
        for (int b = 0; b < blocks; b++)
        {
            double weighted = 0, t0 = engine.Time;
            for (int k = 0; k < perBlock; k++)
            {
                double before = engine.Time;
                engine.Step();
                weighted += e * (engine.Time - before); // e held from 'before' until this event
                e = Track(engine, energy, e);
            }
            averages.Add(weighted / (engine.Time - t0));
        }
        Assert.Equal(energy.TotalEnergy(lattice.Cations, lattice.Anions), e, 1e-9);
        return MeanWithError.Of(averages);
    }

    private static double Track(KmcEngine engine, IHopEnergy energy, double e)
    {
        var (from, to) = engine.LastHop;
        // The reverse move's change is exactly minus this hop's.
        return e - energy.HopDelta(engine.Lattice.Cations, engine.Lattice.Anions, to, from);
    }

    private static MeanWithError MetropolisAverage(byte[] cations, byte[] anions, CeEvaluator evaluator, double temperature = T)
    {
        var options = new MonteCarloOptions { SwapAnions = false, MobileSpecies = new HashSet<Species> { Species.Li, Species.Vac }, EquilibrationSweeps = 1000 };
        var result = new CanonicalMonteCarlo(evaluator, options).Run(cations, anions, temperature, 7000, new Random(7));
        var sweeps = result.SweepEnergies;
        const int blocks = 20;
        return MeanWithError.Of(Enumerable.Range(0, blocks).Select(b => sweeps.Skip(b * sweeps.Length / blocks).Take(sweeps.Length / blocks).Average()));
    }
}
