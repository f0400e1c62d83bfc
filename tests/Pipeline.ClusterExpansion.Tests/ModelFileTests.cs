using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

public class ModelFileTests
{
    [Fact]
    public void Saved_model_reloads_with_the_same_cluster_space_and_energies()
    {
        var model = new CeModel(TestConfigurations.DefaultSpace, 4.13, -1.25,
            TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 9).Ecis,
            new CeFitSummary("lasso", new Dictionary<string, double> { ["cv_rmse_mev_per_site"] = 1.5 },
                new Dictionary<string, string> { ["training_data_hash"] = "abc" }));
        string path = Path.Combine(Path.GetTempPath(), $"eci-{Guid.NewGuid():N}.json");
        model.Save(path);
        var loaded = CeModel.Load(path);

        Assert.Equal(4.13, loaded.LatticeConstant);
        Assert.Equal(model.J0, loaded.J0);
        Assert.Equal(model.Ecis, loaded.Ecis);
        Assert.Equal(model.Space.Orbits.Select(o => o.ToString()), loaded.Space.Orbits.Select(o => o.ToString()));
        Assert.Equal(1.5, loaded.Fit!.Metrics["cv_rmse_mev_per_site"]);
        var cell = RockSaltSupercell.Cubic(3, 4.13);
        var (cations, anions) = TestConfigurations.Random(cell, new Random(4));
        Assert.Equal(new CeEvaluator(model, cell).TotalEnergy(cations, anions), new CeEvaluator(loaded, cell).TotalEnergy(cations, anions));
        Assert.Contains("\"schema\": \"ce-model/1\"", File.ReadAllText(path));
    }

    [Fact]
    public void A_wrong_multiplicity_or_representative_is_reported_with_its_field()
    {
        var model = new CeModel(TestConfigurations.DefaultSpace, 4.1, 0, new double[TestConfigurations.DefaultSpace.Functions.Count]);
        string path = Path.Combine(Path.GetTempPath(), $"eci-{Guid.NewGuid():N}.json");
        model.Save(path);
        string text = File.ReadAllText(path);

        File.WriteAllText(path, text.Replace("\"multiplicity\": 24", "\"multiplicity\": 25"));
        var e = Assert.Throws<FormatException>(() => CeModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("multiplicity", e.Message);

        File.WriteAllText(path, text.Replace("\"sublattice\": \"anion\"", "\"sublattice\": \"cation\""));
        var e2 = Assert.Throws<FormatException>(() => CeModel.Load(path));
        Assert.Contains("is not a cation site", e2.Message);
    }
}
