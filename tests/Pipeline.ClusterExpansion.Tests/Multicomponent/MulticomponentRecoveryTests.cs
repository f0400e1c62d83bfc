using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>A planted multicomponent truth: species-pair energies of Li-Mn-Ti-O-F (Mn and Ti with different
/// interactions) as a lattice gas evaluated directly by pair sums; its exact expansion in the orthonormal basis
/// (LatticeGasTruth.ToModel) reproduces those sums; energies with Gaussian noise on random structures of random
/// compositions are refit and every ECI must match the truth within the statistical error the noise allows.</summary>
public class MulticomponentRecoveryTests
{
    private const double NoisePerFormulaUnit = 0.001; // eV

    /// <summary>Point and pair energies (eV) of the planted truth; Mn and Ti differ in every shell.</summary>
    public const string TruthYaml = """
        ce:
          point: {Vac: 0, Li: -1.9, Mn: -8.1, Ti: -9.4, O: -7, F: -4.2}
          pairs:
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: Li, energy: 0.04}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: Mn, energy: 0.065}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: Ti, energy: 0.09}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Mn, b: Mn, energy: 0.12}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Mn, b: Ti, energy: 0.07}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Ti, b: Ti, energy: 0.15}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Vac, b: Ti, energy: -0.03}
            - {shell: 2, sublattices: cation-cation, distance_a: 1, a: Li, b: Mn, energy: 0.02}
            - {shell: 2, sublattices: cation-cation, distance_a: 1, a: Mn, b: Ti, energy: -0.025}
            - {shell: 2, sublattices: cation-cation, distance_a: 1, a: Ti, b: Ti, energy: 0.045}
            - {shell: 1, sublattices: anion-anion, distance_a: 0.707107, a: O, b: F, energy: 0.01}
            - {shell: 1, sublattices: anion-anion, distance_a: 0.707107, a: F, b: F, energy: 0.04}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: Li, b: F, energy: -0.06}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: Mn, b: F, energy: 0.05}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: Ti, b: F, energy: -0.11}
        """;

    private static readonly Chemistry Chemistry = MulticomponentData.LiMnTiOF;

    private static LatticeGasTruth Truth()
        => LatticeGasTruth.Load(TestConfigurations.WriteTemp(TruthYaml, "truth.yaml"), Chemistry);

    [Fact]
    public void The_truths_ecis_reproduce_the_direct_pair_sums()
    {
        var truth = Truth();
        var space = ClusterSpace.Generate([1.05], Chemistry);
        var model = truth.ToModel(space, TestConfigurations.A, out var reason) ?? throw new InvalidOperationException(reason);
        var rng = new Random(2);
        foreach (var cell in new[] { RockSaltSupercell.Cubic(2, 4.1), RockSaltSupercell.Primitive(3, 4, 5, 4.1) })
            for (int k = 0; k < 20; k++)
            {
                var (cations, anions) = MulticomponentData.Random(Chemistry, cell, rng, vacancy: rng.NextDouble() * 0.4);
                double direct = truth.TotalEnergy(cell, cations, anions);
                Assert.Equal(direct, new CeEvaluator(model, cell).TotalEnergy(cations, anions), 9);
            }
        // Mn and Ti interact differently: the expansion is not symmetric in them.
        Assert.Contains(space.Functions, f => space.Orbits[f.OrbitIndex].Order == 2 && Math.Abs(model.Ecis[f.Index]) > 1e-3);
    }

    [Fact]
    public void A_truth_naming_a_species_outside_the_chemistry_is_refused_naming_it()
    {
        string path = TestConfigurations.WriteTemp(TruthYaml.Replace("a: Mn, b: Ti, energy: 0.07", "a: Mn, b: Nb, energy: 0.07"), "truth.yaml");
        var e = Assert.Throws<FormatException>(() => LatticeGasTruth.Load(path, Chemistry));
        Assert.Contains(path, e.Message);
        Assert.Contains("'Nb'", e.Message);
    }

    [Theory]
    [InlineData("lasso")]
    [InlineData("ridge")]
    public void Planted_ecis_are_recovered_within_noise(string method)
    {
        var space = ClusterSpace.Generate([1.05, 0.75], Chemistry);
        var truth = Truth();
        var truthModel = truth.ToModel(space, TestConfigurations.A, out var reason) ?? throw new InvalidOperationException(reason);
        var (correlations, energies) = Data(space, truth, structures: 500, seed: 5);

        var fit = EciFitter.Fit(space, correlations, energies, new EciFitOptions { Method = method });
        var standardErrors = RecoveryStatistics.EciStandardErrors(space, correlations, NoisePerFormulaUnit);
        for (int f = 0; f < space.Functions.Count; f++)
        {
            double error = Math.Abs(fit.Ecis[f] - truthModel.Ecis[f]);
            double allowed = 5 * standardErrors[f] + 2e-4; // 5 sigma, plus 0.2 meV for the lasso's shrinkage
            Assert.True(error < allowed,
                $"{method}: {space.Functions[f].Label}: fitted {fit.Ecis[f]:G6}, truth {truthModel.Ecis[f]:G6}, allowed {allowed:G3}");
        }
        Assert.InRange(fit.CvRmsePerFormulaUnit, 0.5 * NoisePerFormulaUnit, 2 * NoisePerFormulaUnit);
    }

    /// <summary>Random structures of a 3x4x4 primitive cell with random compositions (vacancies, Li, Mn, Ti, F).</summary>
    private static (List<double[]>, List<double>) Data(ClusterSpace space, LatticeGasTruth truth, int structures, int seed)
    {
        var rng = new Random(seed);
        var cell = RockSaltSupercell.Primitive(3, 4, 4, TestConfigurations.A);
        var correlations = new List<double[]>();
        var energies = new List<double>();
        for (int s = 0; s < structures; s++)
        {
            // Species weights drawn per structure, so compositions vary.
            var weights = Enumerable.Range(0, Chemistry.CationSpeciesCount).Select(_ => 0.2 + rng.NextDouble()).ToArray();
            double fluorine = 0.1 + 0.5 * rng.NextDouble();
            var cations = new byte[cell.CationCount];
            var anions = new byte[cell.AnionCount];
            for (int i = 0; i < cations.Length; i++)
            {
                double u = rng.NextDouble() * weights.Sum();
                byte code = 0;
                while (u > weights[code] && code < weights.Length - 1) u -= weights[code++];
                cations[i] = code;
            }
            for (int j = 0; j < anions.Length; j++) anions[j] = Chemistry.Code(rng.NextDouble() < fluorine ? "F" : "O");
            correlations.Add(CorrelationFunctions.Compute(space, cell, cations, anions));
            double perFormulaUnit = truth.TotalEnergy(cell, cations, anions) * 3 / cell.CationCount;
            energies.Add(perFormulaUnit + NoisePerFormulaUnit * RecoveryStatistics.Gaussian(rng));
        }
        return (correlations, energies);
    }
}
