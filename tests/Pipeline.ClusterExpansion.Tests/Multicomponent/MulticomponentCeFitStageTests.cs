using System.Text.Json.Nodes;
using Pipeline.Abstractions;
using Pipeline.ClusterExpansion.Stage;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>ce-fit on Li-Mn-Ti-O-F structures: the chemistry is inferred from the structures' elements and written
/// into eci.json; the fit reproduces the planted truth; a pinned chemistry refuses a structure with another element,
/// naming the element and the row.</summary>
public class MulticomponentCeFitStageTests
{
    /// <summary>Random cations; anions mostly O (the host is inferred as the most abundant anion).</summary>
    private static (byte[], byte[]) Configuration(RockSaltSupercell cell, Random rng)
    {
        var (cations, anions) = MulticomponentData.Random(MulticomponentData.LiMnTiOF, cell, rng, vacancy: 0.25 * rng.NextDouble());
        double fluorine = 0.1 + 0.3 * rng.NextDouble();
        for (int j = 0; j < anions.Length; j++) anions[j] = MulticomponentData.LiMnTiOF.Code(rng.NextDouble() < fluorine ? "F" : "O");
        return (cations, anions);
    }

    [Fact]
    public void The_chemistry_is_inferred_from_the_structures_and_written_into_eci_json()
    {
        string truthPath = TestConfigurations.WriteTemp(MulticomponentRecoveryTests.TruthYaml, "truth.yaml");
        var truth = LatticeGasTruth.Load(truthPath, MulticomponentData.LiMnTiOF);
        var table = CeFitStageTests.Structures(truth, count: 150, seed: 3, Configuration);
        var stage = new CeFitStage();
        var ctx = new TestStageContext(stage, new Dictionary<string, object> { ["cutoffs"] = new[] { 1.05 } },
            new Dictionary<string, Table> { ["structures"] = table }, new Dictionary<string, string> { ["truth"] = truthPath });
        stage.Run(ctx);

        string path = ctx.OutputFilePath("eci");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("[\"Vac\",\"Li\",\"Mn\",\"Ti\"]", json["sublattices"]![0]!["species"]!.ToJsonString());
        Assert.Equal("[\"O\",\"F\"]", json["sublattices"]![1]!["species"]!.ToJsonString());
        var model = CeModel.Load(path);
        Assert.Equal(MulticomponentData.LiMnTiOF, model.Chemistry);
        var metrics = ctx.WrittenTables["ce_metrics"];
        var names = metrics.Strings("name");
        double Metric(string name) => metrics.Doubles("value")[Array.FindIndex(names, n => n == name)];
        Assert.True(Metric("truth_random_rmse_mev_per_site") < 1.5, $"truth_random_rmse_mev_per_site {Metric("truth_random_rmse_mev_per_site")}");
        Assert.True(Metric("truth_eci_rmse_mev") < 1.5, $"truth_eci_rmse_mev {Metric("truth_eci_rmse_mev")}");
    }

    [Fact]
    public void A_pinned_chemistry_refuses_a_structure_with_another_element_naming_it()
    {
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(MulticomponentRecoveryTests.TruthYaml, "truth.yaml"),
            MulticomponentData.LiMnTiOF);
        var table = CeFitStageTests.Structures(truth, count: 12, seed: 1, Configuration);
        var stage = new CeFitStage();
        var ctx = new TestStageContext(stage, new Dictionary<string, object>
        {
            ["cations"] = new[] { "Mn" },
            ["anions"] = new[] { "O", "F" },
        }, new() { ["structures"] = table }, new());
        var e = Assert.ThrowsAny<Exception>(() => stage.Run(ctx));
        Assert.Contains("element Ti", e.Message);
        Assert.Contains("structures row 0", e.Message);
    }

    [Fact]
    public void A_mobile_ion_missing_from_the_structures_is_refused()
    {
        var truth = LatticeGasTruth.Load(TestConfigurations.WriteTemp(MulticomponentRecoveryTests.TruthYaml, "truth.yaml"),
            MulticomponentData.LiMnTiOF);
        var table = CeFitStageTests.Structures(truth, count: 6, seed: 1, Configuration);
        var stage = new CeFitStage();
        var ctx = new TestStageContext(stage, new Dictionary<string, object> { ["mobile_ion"] = "Na" }, new() { ["structures"] = table }, new());
        var e = Assert.ThrowsAny<Exception>(() => stage.Run(ctx));
        Assert.Contains("no Na", e.Message);
    }
}
