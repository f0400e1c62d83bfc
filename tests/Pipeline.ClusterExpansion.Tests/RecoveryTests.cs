using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>Energies generated from known interactions (the synthetic lattice-gas truth, evaluated directly by pair
/// sums, plus Gaussian noise) on random structures are refit; the fitted ECIs must match the truth's ECIs (its
/// exact expansion in the basis) within the statistical error that the noise allows.</summary>
public class RecoveryTests
{
    private const double NoisePerFormulaUnit = 0.001; // eV

    [Theory]
    [InlineData("lasso")]
    [InlineData("ridge")]
    public void Known_ecis_are_recovered_within_noise(string method)
    {
        var space = ClusterSpace.Generate([1.05, 0.75]);
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(TestConfigurations.TruthYaml, "truth.yaml"));
        var truthModel = truth.ToModel(space, TestConfigurations.A, out var reason) ?? throw new InvalidOperationException(reason);
        var (correlations, energies) = Data(space, truth, structures: 240, seed: 5);

        var fit = EciFitter.Fit(space, correlations, energies, new EciFitOptions { Method = method });
        var standardErrors = RecoveryStatistics.EciStandardErrors(space, correlations, NoisePerFormulaUnit);
        for (int f = 0; f < space.Functions.Count; f++)
        {
            double error = Math.Abs(fit.Ecis[f] - truthModel.Ecis[f]);
            double allowed = 5 * standardErrors[f] + 2e-4; // 5 sigma, plus 0.2 meV for the lasso's shrinkage
            Assert.True(error < allowed,
                $"{method}: {space.Functions[f].Label}: fitted {fit.Ecis[f]:G6}, truth {truthModel.Ecis[f]:G6}, allowed {allowed:G3}");
        }
        Assert.Equal(truthModel.J0, fit.J0, 2);
        // Cross-validated error per formula unit near the noise level, not far above it.
        Assert.InRange(fit.CvRmsePerFormulaUnit, 0.5 * NoisePerFormulaUnit, 2 * NoisePerFormulaUnit);
    }

    /// <summary>Random structures of the published 3x4x4 primitive cell with random compositions.</summary>
    private static (List<double[]>, List<double>) Data(ClusterSpace space, LatticeGasTruth truth, int structures, int seed)
    {
        var rng = new Random(seed);
        var cell = RockSaltSupercell.Primitive(3, 4, 4, TestConfigurations.A);
        var correlations = new List<double[]>();
        var energies = new List<double>();
        for (int s = 0; s < structures; s++)
        {
            var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.3 * rng.NextDouble(),
                lithium: 0.4 + 0.3 * rng.NextDouble(), fluorine: 0.2 + 0.3 * rng.NextDouble());
            correlations.Add(CorrelationFunctions.Compute(space, cell, cations, anions));
            double perFormulaUnit = truth.TotalEnergy(cell, cations, anions) * 3 / cell.CationCount;
            energies.Add(perFormulaUnit + NoisePerFormulaUnit * RecoveryStatistics.Gaussian(rng));
        }
        return (correlations, energies);
    }
}
