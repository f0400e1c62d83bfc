using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

public class LatticeGasTruthTests
{
    /// <summary>The lattice gas evaluated directly (pair sums over neighbour shells) and the same energy expressed
    /// as ECIs of the orthonormal basis must agree: checks basis, orbits, multiplicities and correlations together.</summary>
    [Theory]
    [InlineData("cubic")]
    [InlineData("primitive")]
    public void Truth_as_ecis_reproduces_the_direct_lattice_gas_energy(string shape)
    {
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(TestConfigurations.TruthYaml, "truth.yaml"));
        var model = truth.ToModel(TestConfigurations.DefaultSpace, TestConfigurations.A, out var reason);
        Assert.True(model is not null, reason);
        var cell = shape == "cubic" ? RockSaltSupercell.Cubic(3, TestConfigurations.A) : RockSaltSupercell.Primitive(3, 4, 4, TestConfigurations.A);
        var rng = new Random(2);
        for (int k = 0; k < 5; k++)
        {
            var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.1 * k);
            double direct = truth.TotalEnergy(cell, cations, anions);
            double ce = model!.EnergyPerCell(CorrelationFunctions.Compute(model.Space, cell, cations, anions)) * cell.CationCount;
            Assert.Equal(direct, ce, 9);
        }
    }

    [Fact]
    public void Direct_energy_of_a_hand_counted_configuration()
    {
        // Conventional cubic cell x2 with only Li and O: every cation has 12 Li NN, 6 Li second NN, 6 O.
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(TestConfigurations.TruthYaml, "truth.yaml"));
        var cell = RockSaltSupercell.Cubic(2, TestConfigurations.A);
        var cations = Enumerable.Repeat((byte)Species.Li, cell.CationCount).ToArray();
        var anions = Enumerable.Repeat((byte)Species.O, cell.AnionCount).ToArray();
        int n = cell.CationCount;
        double expected = n * (-1.9 - 7.0) + n * 6 * 0.04 + n * 3 * 0.01 + n * 6 * 0.03 + n * 6 * -0.1;
        Assert.Equal(expected, truth.TotalEnergy(cell, cations, anions), 9);
    }

    [Fact]
    public void A_shell_outside_the_cluster_space_is_reported()
    {
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(TestConfigurations.TruthYaml, "truth.yaml"));
        var small = ClusterSpace.Generate([0.8]);
        Assert.Null(truth.ToModel(small, TestConfigurations.A, out var reason));
        Assert.Contains("shell 2", reason);
    }

    [Fact]
    public void Yaml_errors_name_the_file_line_and_field()
    {
        string bad = TestConfigurations.TruthYaml.Replace("distance_a: 1, a: Li, b: Li", "distance_a: 1.2, a: Li, b: Li");
        string path = TestConfigurations.WriteTemp(bad, "truth.yaml");
        var e = Assert.Throws<FormatException>(() => LatticeGasTruth.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("line 9", e.Message);
        Assert.Contains("ce.pairs[3].distance_a", e.Message);

        string wrongSpecies = TestConfigurations.TruthYaml.Replace("a: V, b: F, energy", "a: F, b: F, energy");
        var e2 = Assert.Throws<FormatException>(() => LatticeGasTruth.Load(TestConfigurations.WriteTemp(wrongSpecies, "truth.yaml")));
        Assert.Contains("ce.pairs[12]", e2.Message);
    }
}
