using System.Text.Json.Nodes;
using Pipeline.RockSalt;

namespace Pipeline.Contracts.Tests;

/// <summary>Barrier model files record their descriptor set and chemistry; files written before that read as the
/// Li-V-O-F standard set; a bad species block is an error naming the file and field.</summary>
public class BarrierModelSpeciesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("model-species-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static BarrierModel Model(Chemistry chemistry, string set) => new()
    {
        Target = "e_kra", Features = ["gate_Mn_up"], ScalerMean = [0.5], ScalerStd = [0.4], Intercept = 0.3,
        CoefStandardized = [0.04], InterceptPhysical = 0.25, CoefPhysical = [0.1], Alpha = 1e-3, Alphas = [1e-3],
        MsePathMean = [0.01], Settings = new LassoSettings(5, 100, 1e-3, 1e-4, 1000, null, false), CvRmse = 0.02,
        TrainingDataHash = "abc", ToolVersion = "test", DescriptorSet = set, Chemistry = chemistry,
    };

    [Fact]
    public void Species_and_descriptor_set_round_trip()
    {
        var chemistry = new Chemistry("Li", ["Mn", "Nb", "Ti"], ["O", "F"]);
        string path = Path.Combine(_dir, "m.json");
        Model(chemistry, DescriptorSet.ElementResolved).Save(path);
        var back = BarrierModel.Load(path);
        Assert.Equal(chemistry, back.Chemistry);
        Assert.Equal("F", back.Chemistry.Substituent);
        Assert.Equal(DescriptorSet.ElementResolved, back.DescriptorSet);
    }

    [Fact]
    public void A_file_without_species_is_a_LiVOF_standard_model()
    {
        string path = Path.Combine(_dir, "old.json");
        Model(Chemistry.LiVOF, DescriptorSet.Standard).Save(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("species");
        json.Remove("descriptor_set");
        File.WriteAllText(path, json.ToJsonString());
        var back = BarrierModel.Load(path);
        Assert.Equal(Chemistry.LiVOF, back.Chemistry);
        Assert.Equal(DescriptorSet.Standard, back.DescriptorSet);
    }

    [Fact]
    public void A_bad_species_block_names_the_file_and_field()
    {
        string path = Path.Combine(_dir, "bad.json");
        Model(Chemistry.LiVOF, DescriptorSet.Standard).Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"V\"", "\"O\""));
        var e = Assert.Throws<FormatException>(() => BarrierModel.Load(path));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains("species", e.Message);
        Assert.Contains("O is listed twice", e.Message);
    }
}
