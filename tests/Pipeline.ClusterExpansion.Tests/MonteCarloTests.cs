using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

public class MonteCarloTests
{
    /// <summary>Oracle: the canonical average energy by exact enumeration of every arrangement of 3 vacancies
    /// among the Li/vacancy sites of a small cell (V and anions frozen, the kMC's ensemble).</summary>
    [Fact]
    public void Metropolis_average_energy_matches_exact_enumeration()
    {
        var cell = RockSaltSupercell.Cubic(2, TestConfigurations.A);
        var model = TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 21);
        var evaluator = new CeEvaluator(model, cell);
        var rng = new Random(4);
        var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0, lithium: 0.7);
        var mobile = Enumerable.Range(0, cations.Length).Where(i => cations[i] == (byte)Species.Li).ToArray();
        for (int k = 0; k < 3; k++) cations[mobile[k]] = (byte)Species.Vac;
        const double temperature = 1500;
        double beta = 1 / (CanonicalMonteCarlo.BoltzmannEvPerK * temperature);

        // Exact: sum over all C(n, 3) placements of the vacancies.
        var work = (byte[])cations.Clone();
        var energies = new List<double>();
        for (int a = 0; a < mobile.Length; a++)
            for (int b = a + 1; b < mobile.Length; b++)
                for (int c = b + 1; c < mobile.Length; c++)
                {
                    foreach (int i in mobile) work[i] = (byte)Species.Li;
                    work[mobile[a]] = work[mobile[b]] = work[mobile[c]] = (byte)Species.Vac;
                    energies.Add(evaluator.TotalEnergy(work, anions));
                }
        double eMin = energies.Min();
        double z = energies.Sum(e => Math.Exp(-beta * (e - eMin)));
        double exact = energies.Sum(e => e * Math.Exp(-beta * (e - eMin))) / z;

        var mc = new CanonicalMonteCarlo(evaluator, new MonteCarloOptions
        {
            MobileSpecies = new HashSet<Species> { Species.Li, Species.Vac },
            EquilibrationSweeps = 200,
        });
        var result = mc.Run(cations, anions, temperature, 20200, new Random(9));
        // Standard error of the mean from 20 blocks of 1000 sweeps.
        var blocks = result.SweepEnergies.Chunk(1000).Select(b => b.Average()).ToArray();
        double se = Math.Sqrt(blocks.Select(m => (m - blocks.Average()) * (m - blocks.Average())).Sum() / (blocks.Length - 1) / blocks.Length);
        Assert.True(Math.Abs(result.MeanEnergy - exact) < 4 * se + 1e-6,
            $"MC {result.MeanEnergy:F5} +- {se:F5}, exact {exact:F5}");
        Assert.True(Math.Abs(exact - energies.Average()) > 8 * se, "temperature too high for the test to discriminate");
        Assert.Equal(mobile.Length - 3, cations.Count(c => c == (byte)Species.Li)); // canonical: composition kept
    }

    [Fact]
    public void Quench_never_raises_the_energy_and_tracks_it_exactly()
    {
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var evaluator = new CeEvaluator(TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 2), cell);
        var (cations, anions) = TestConfigurations.Random(cell, new Random(1));
        var result = new CanonicalMonteCarlo(evaluator).Run(cations, anions, 0, 20, new Random(2));
        for (int s = 1; s < result.SweepEnergies.Length; s++)
            Assert.True(result.SweepEnergies[s] <= result.SweepEnergies[s - 1] + 1e-12);
        Assert.True(result.FinalEnergy < result.InitialEnergy);
        Assert.Equal(result.FinalEnergy, result.SweepEnergies[^1], 8);
        Assert.Equal(evaluator.TotalEnergy(cations, anions), result.FinalEnergy);
    }
}
