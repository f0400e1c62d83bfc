using Pipeline.Abstractions;
using Pipeline.ClusterExpansion.Stage;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>The ce-fit stage end to end on synthetic structures: relaxed-looking positions of random configurations
/// in the published 3x4x4 primitive cell, energies from the lattice-gas truth plus noise.</summary>
public class CeFitStageTests
{
    private const double Noise = 0.003; // eV per formula unit = 1 meV per site

    [Fact]
    public void Fit_on_truth_energies_reproduces_the_truth_on_fresh_structures()
    {
        string truthPath = TestConfigurations.WriteTemp(TestConfigurations.TruthYaml, "truth.yaml");
        var truth = LatticeGasTruth.Load(truthPath);
        var table = Structures(truth, count: 120, seed: 3);
        var stage = new CeFitStage();
        var ctx = new TestStageContext(stage, new Dictionary<string, object> { ["cutoffs"] = new[] { 1.05, 0.75 } },
            new Dictionary<string, Table> { ["structures"] = table }, new Dictionary<string, string> { ["truth"] = truthPath });
        stage.Run(ctx);

        var model = CeModel.Load(ctx.OutputFilePath("eci"));
        Assert.Equal("lasso", model.Fit!.Method);
        Assert.Equal("test-hash-structures", model.Fit.Provenance["training_data_hash"]);
        var metrics = ctx.WrittenTables["ce_metrics"];
        var sections = metrics.Strings("section");
        var names = metrics.Strings("name");
        var values = metrics.Doubles("value");
        double Metric(string name) => values[Array.FindIndex(names, n => n == name)];

        Assert.Equal(120, Metric("n_structures"));
        Assert.InRange(Metric("lattice_constant"), 4.09, 4.11);
        Assert.InRange(Metric("cv_rmse_mev_per_site"), 0.5, 2.0);           // noise is 1 meV per site
        Assert.InRange(Metric("truth_dft_train_rmse_mev_per_site"), 0.7, 1.3);
        Assert.True(Metric("truth_random_rmse_mev_per_site") < 1.0);        // well below the noise
        Assert.True(Metric("truth_eci_rmse_mev") < 1.0);
        Assert.Equal(model.Space.Functions.Count, sections.Count(s => s == "eci"));
        Assert.Equal(120, sections.Count(s => s == "structure"));
        Assert.DoesNotContain(metrics.Doubles("truth").Where((_, i) => sections[i] == "eci"), double.IsNaN);
    }

    [Fact]
    public void An_unmappable_structure_names_its_row_unless_skipping_is_on()
    {
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(TestConfigurations.TruthYaml, "truth.yaml"));
        var table = Structures(truth, count: 12, seed: 1, displace: 6);
        var stage = new CeFitStage();
        var ctx = new TestStageContext(stage, new Dictionary<string, object>(), new() { ["structures"] = table }, new());
        var e = Assert.ThrowsAny<Exception>(() => stage.Run(ctx));
        Assert.Contains("structures row 6 (sp/sp_0006)", e.Message);
    }

    /// <summary>A structures table (CONTRACTS.md schema) of random configurations: ideal sites displaced by up to
    /// 0.05 Angstrom, vacancies left out; rows come in NEB-like pairs to exercise grouped CV.</summary>
    internal static Table Structures(LatticeGasTruth truth, int count, int seed, int displace = -1)
        => Structures(truth, count, seed, (cell, rng) => TestConfigurations.Random(cell, rng, vacancy: 0.25 * rng.NextDouble(),
            lithium: 0.45 + 0.2 * rng.NextDouble(), fluorine: 0.2 + 0.2 * rng.NextDouble()), displace);

    /// <summary>The same for configurations of any chemistry (the truth's), drawn by <paramref name="configuration"/>.</summary>
    internal static Table Structures(LatticeGasTruth truth, int count, int seed,
        Func<RockSaltSupercell, Random, (byte[] Cations, byte[] Anions)> configuration, int displace = -1)
    {
        var rng = new Random(seed);
        var cell = RockSaltSupercell.Primitive(3, 4, 4, TestConfigurations.A);
        var b = new TableBuilder().Add("calc_id", ColumnType.String).Add("kind", ColumnType.String)
            .Add("lattice", ColumnType.Float64List).Add("species", ColumnType.StringList).Add("frac", ColumnType.Float64List)
            .Add("energy", ColumnType.Float64).Add("toten", ColumnType.Float64).Add("n_atoms", ColumnType.Int64);
        var lattice = new double[9];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) lattice[r * 3 + c] = cell.LatticeVectors[r, c];
        for (int s = 0; s < count; s++)
        {
            var (cations, anions) = configuration(cell, rng);
            double energy = truth.TotalEnergy(cell, cations, anions)
                            + Noise * cell.CationCount / 3 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            var species = new List<string>();
            var frac = new List<double>();
            void Add(Int3 p, byte code)
            {
                species.Add(truth.Chemistry.Symbol(code));
                double shift = species.Count == 1 && s == displace ? 1.5 : 0.05;
                var (x, y, z) = cell.Cartesian(p);
                frac.AddRange(Fractional(lattice, x + shift * (2 * rng.NextDouble() - 1), y + shift * (2 * rng.NextDouble() - 1), z));
            }
            for (int i = 0; i < cations.Length; i++)
                if (cations[i] != Chemistry.Vacancy) Add(cell.CationPosition(i), cations[i]);
            for (int j = 0; j < anions.Length; j++) Add(cell.AnionPosition(j), anions[j]);
            string id = s % 3 == 2 ? $"sp/sp_{s:D4}" : $"neb/hop_{s / 3:D4}/{(s % 3 == 0 ? "00" : "06")}";
            if (s == displace) id = $"sp/sp_{s:D4}";
            b.AddRow(id, s % 3 == 2 ? "single-point" : "neb-initial", lattice, species.ToArray(), frac.ToArray(), energy, energy, (long)species.Count);
        }
        return b.Build();
    }

    /// <summary>Solves (x, y, z) = f . L for the fractional coordinates f (rows of L are the cell vectors).</summary>
    private static double[] Fractional(double[] l, double x, double y, double z)
    {
        double det = l[0] * (l[4] * l[8] - l[5] * l[7]) - l[1] * (l[3] * l[8] - l[5] * l[6]) + l[2] * (l[3] * l[7] - l[4] * l[6]);
        // f = r . L^-1 with Cramer's rule on L^T f = r.
        double f0 = (x * (l[4] * l[8] - l[5] * l[7]) - l[3] * (y * l[8] - z * l[7]) + l[6] * (y * l[5] - z * l[4])) / det;
        double f1 = (l[0] * (y * l[8] - z * l[7]) - x * (l[1] * l[8] - l[2] * l[7]) + l[6] * (l[1] * z - l[2] * y)) / det;
        double f2 = (l[0] * (l[4] * z - l[5] * y) - l[3] * (l[1] * z - l[2] * y) + x * (l[1] * l[5] - l[2] * l[4])) / det;
        return [f0, f1, f2];
    }
}
