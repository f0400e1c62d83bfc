using Pipeline.Abstractions;
using Pipeline.Synthesis.Stage;
using Pipeline.Synthesis.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Synthesis.Tests;

public class SynthesizeStageTests
{
    private static Dictionary<string, object> Small(params (string, object)[] extra)
    {
        var p = new Dictionary<string, object> { ["hops"] = 4L, ["single_points"] = 2L, ["truth_samples"] = 500L, ["fault_fraction"] = 0.0 };
        foreach (var (k, v) in extra) p[k] = v;
        return p;
    }

    [Fact]
    public void Stage_declares_the_contract_ports()
    {
        var stage = new SynthesisModule().Stages.Single();
        Assert.Equal("synthesize", stage.Type);
        Assert.Empty(stage.Inputs);
        Assert.Equal([("dataset", PortKind.Directory), ("truth", PortKind.File)], stage.Outputs.Select(o => (o.Name, o.Kind)));
        Assert.Equal("truth.yaml", stage.Outputs[1].FileName);
    }

    [Fact]
    public void Stage_writes_the_dataset_and_a_truth_file_with_the_contract_fields()
    {
        using var dir = new TempDirectory();
        var stage = new SynthesizeStage();
        var ctx = new TestStageContext(stage, dir.Path, Small());
        stage.Run(ctx);

        Assert.Equal(4, Directory.GetDirectories(Path.Combine(ctx.OutputDirectoryPath("dataset"), "neb")).Length);
        var truth = TruthFile.Load(ctx.OutputFilePath("truth"));
        Assert.Equal("2021", ((YamlScalarNode)truth["seed"]).Value);
        foreach (var key in new[] { "kra_linear", "forward_linear" })
        {
            var coefficients = TruthFile.Map(truth[key], "coefficients");
            int expected = key == "kra_linear" ? 10 : 11;
            Assert.Equal(Pipeline.RockSalt.HopDescriptors.Names.Take(expected),
                coefficients.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
            Assert.True(TruthFile.D((YamlMappingNode)truth[key], "r2") > 0.8);
        }
        // Descriptor 1 (TM on the up gates) costs about 0.2-0.4 eV per TM in the projection as in the per-path model.
        Assert.InRange(TruthFile.D(TruthFile.Map(truth["kra_linear"], "coefficients"), "gate_tm_up"), 0.2, 0.4);
        Assert.InRange(TruthFile.D(TruthFile.Map(truth["forward_linear"], "coefficients"), "delta_e"), 0.3, 0.7);
        var ce = (YamlMappingNode)truth["ce"];
        Assert.Equal(["Li", "V", "Vac", "O", "F"], TruthFile.Map(ce, "point").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var pairs = ((YamlSequenceNode)ce.Children[new YamlScalarNode("pairs")]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Contains(pairs, p => TruthFile.S(p, "sublattices") == "cation-cation" && TruthFile.S(p, "shell") == "2");
        Assert.Contains(pairs, p => TruthFile.S(p, "sublattices") == "anion-anion");
        Assert.Contains(pairs, p => TruthFile.S(p, "sublattices") == "cation-anion");
        Assert.All(pairs, p => Assert.InRange(Math.Abs(TruthFile.D(p, "energy")), 0.005, 0.2));
        foreach (var key in new[] { "paths", "noise", "faults", "compositions", "params" })
            Assert.NotNull(truth[key]);
        Assert.Contains(ctx.Messages, m => m.StartsWith("synthesized 4 NEBs", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_params_name_the_param()
    {
        using var dir = new TempDirectory();
        var stage = new SynthesizeStage();
        var even = Assert.Throws<ArgumentException>(() => stage.Run(new TestStageContext(stage, dir.Path, Small(("images", new long[] { 6 })))));
        Assert.Contains("images", even.Message);
        var cell = Assert.Throws<ArgumentException>(() => stage.Run(new TestStageContext(stage, dir.Path, Small(("supercell", new long[] { 2, 2, 2 })))));
        Assert.Contains("supercell", cell.Message);
        var x = Assert.Throws<ArgumentException>(() => stage.Run(new TestStageContext(stage, dir.Path, Small(("compositions", new[] { 0.01 })))));
        Assert.Contains("compositions", x.Message);
    }
}
