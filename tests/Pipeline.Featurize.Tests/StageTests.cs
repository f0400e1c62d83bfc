using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Stages;
using Pipeline.Featurize.Tests.Support;
using Pipeline.Contracts;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

public class StageTests
{
    private static readonly string[] ContractColumns =
    [
        "calc_id", "gate_tm_up", "gate_tm_down", "gate_li_up", "gate_li_down", "dumbbell_f", "apex_f_up", "apex_f_down",
        "back_f", "nn_tm_initial", "nn_tm_final", "delta_e", "path_label", "h_coordinate", "e_forward", "e_kra",
        "e_reaction", "x", "lattice_a",
    ];

    /// <summary>A hops table as vasp-neb-ingest writes it (the columns featurize reads plus a few it ignores).</summary>
    private static Table HopsTable(params HopRecord[] hops) => new(
    [
        Column.Of("calc_id", hops.Select(h => h.CalcId).ToArray()),
        Column.Of("n_images", hops.Select(_ => 9L).ToArray()),
        Column.Of("e_forward", hops.Select(h => h.EForward).ToArray()),
        Column.Of("e_backward", hops.Select(h => h.EForward - h.EReaction).ToArray()),
        Column.Of("e_reaction", hops.Select(h => h.EReaction).ToArray()),
        Column.Of("e_kra", hops.Select(h => h.EKra).ToArray()),
        Column.Of("moving_index", hops.Select(h => (long)h.MovingIndex).ToArray()),
        Column.Of("moving_species", hops.Select(h => h.Species[h.MovingIndex]).ToArray()),
        Column.Of("lattice", hops.Select(h => h.Lattice).ToArray()),
        Column.Of("species", hops.Select(h => h.Species).ToArray()),
        Column.Of("frac_initial", hops.Select(h => h.FracInitial).ToArray()),
        Column.Of("frac_final", hops.Select(h => h.FracFinal).ToArray()),
        Column.Of("moving_frac_saddle", hops.Select(h => h.MovingFracSaddle).ToArray()),
    ]);

    private static (HopRecord Hop, HopEnvironment Env) Hop(string id, string cellName, int seed, double eReaction)
    {
        var env = HopEnvironment.Random(new Random(seed));
        var hop = new HopScenario(Cells.Make(cellName), env, new Int3(0, 2, 2))
        {
            Seed = seed, Noise = 0.15, EReaction = eReaction, SaddleOffset = new Vec3(0, 0, 0.1),
        }.Build(id);
        return (hop, env);
    }

    [Fact]
    public void Featurize_writes_one_contract_row_per_hop()
    {
        var hops = new[] { Hop("neb/a", "prim344", 1, 0.12), Hop("neb/b", "conv222", 2, -0.05), Hop("neb/c", "conv333", 3, 0.3) };
        var stage = new FeaturizeStage();
        using var ctx = new TestStageContext(stage).With("hops", HopsTable(hops.Select(h => h.Hop).ToArray()));

        stage.Run(ctx);

        var features = ctx.Written["features"];
        Assert.Equal(ContractColumns, features.Columns.Take(ContractColumns.Length).Select(c => c.Name));
        Assert.Equal(["neb/a", "neb/b", "neb/c"], features.Strings("calc_id"));
        for (int r = 0; r < hops.Length; r++)
        {
            var (hop, env) = hops[r];
            var expected = env.Descriptors(hop.EReaction);
            for (int k = 0; k < expected.Length; k++)
                Assert.Equal(expected[k], features.Doubles(HopDescriptors.Names[k])[r]);
            Assert.Equal("straight", features.Strings("path_label")[r]);
            Assert.Equal(hop.EForward, features.Doubles("e_forward")[r]);
            Assert.Equal(hop.EKra, features.Doubles("e_kra")[r]);
            Assert.Equal(hop.EReaction, features.Doubles("e_reaction")[r]);
            Assert.Equal(Cells.A, features.Doubles("lattice_a")[r], 1e-9);
            int li = hop.Species.Count(s => s == "Li"), anions = hop.Species.Count(s => s is "O" or "F");
            Assert.Equal(2 - 3.0 * li / anions, features.Doubles("x")[r], 1e-12);
        }
        Assert.All(features.Doubles(FeaturesTable.TetVolumeUp), v => Assert.InRange(v, 2.0, 4.0));
        Assert.All(features.Doubles(FeaturesTable.MappingMaxDeviation), v => Assert.InRange(v, 0.0, 0.25));
    }

    [Fact]
    public void A_bad_hop_fails_the_stage_by_default_and_is_skipped_on_request()
    {
        var good = Hop("neb/good", "conv222", 4, 0.1).Hop;
        var bad = good with { CalcId = "neb/bad", FracFinal = good.FracInitial }; // the Li does not move
        var table = HopsTable(good, bad);
        var stage = new FeaturizeStage();

        using (var failing = new TestStageContext(stage).With("hops", table))
        {
            var e = Assert.Throws<InvalidDataException>(() => stage.Run(failing));
            Assert.Contains("neb/bad", e.Message);
        }

        using var skipping = new TestStageContext(stage, new Dictionary<string, object> { ["on_error"] = "skip" }).With("hops", table);
        stage.Run(skipping);
        Assert.Equal(["neb/good"], skipping.Written["features"].Strings("calc_id"));
        Assert.Contains(skipping.Lines, l => l.StartsWith("warn:") && l.Contains("neb/bad"));
        Assert.Equal("1", skipping.Written["features"].Metadata["featurize.skipped"]);
    }

    [Fact]
    public void A_hops_table_without_a_needed_column_is_named()
    {
        var hop = Hop("neb/a", "conv222", 5, 0.0).Hop;
        var full = HopsTable(hop);
        var table = new Table(full.Columns.Where(c => c.Name != "moving_frac_saddle"));
        var stage = new FeaturizeStage();
        using var ctx = new TestStageContext(stage).With("hops", table);

        var e = Assert.Throws<InvalidDataException>(() => stage.Run(ctx));

        Assert.Contains("moving_frac_saddle", e.Message);
    }

    [Fact]
    public void Standardize_writes_population_mean_and_std_with_unit_std_for_constant_columns()
    {
        var features = new Table(
        [
            Column.Of("calc_id", new[] { "a", "b", "c", "d" }),
            Column.Of("gate_tm_up", new[] { 1.0, 2.0, 3.0, 4.0 }),
            Column.Of("back_f", new[] { 2.0, 2.0, 2.0, 2.0 }),
            Column.Of("delta_e", new[] { -0.1, 0.3, 0.1, 0.1 }),
        ]);
        var stage = new StandardizeStage();
        using var ctx = new TestStageContext(stage, new Dictionary<string, object>
        {
            ["features"] = new[] { "delta_e", "gate_tm_up", "back_f" },
        }).With("features", features);

        stage.Run(ctx);

        var scaler = ScalerFile.Load(ctx.OutputFilePath("scaler"));
        Assert.Equal(["delta_e", "gate_tm_up", "back_f"], scaler.Features);
        Assert.Equal(0.1, scaler.Mean[0], 1e-15);
        Assert.Equal(Math.Sqrt(0.02), scaler.Std[0], 1e-15);   // deviations -0.2, 0.2, 0, 0 -> variance 0.08/4
        Assert.Equal(2.5, scaler.Mean[1]);
        Assert.Equal(Math.Sqrt(1.25), scaler.Std[1], 1e-15);   // ddof 0: (2.25 + 0.25 + 0.25 + 2.25) / 4
        Assert.Equal(2.0, scaler.Mean[2]);
        Assert.Equal(1.0, scaler.Std[2]);
        Assert.Equal(4, scaler.NRows);
        Assert.Equal(ctx.InputHash("features"), scaler.TrainingHash);
        Assert.Contains("\"schema\": \"scaler/1\"", File.ReadAllText(ctx.OutputFilePath("scaler")));
    }

    [Fact]
    public void Standardize_defaults_to_the_11_descriptors_and_names_a_missing_one()
    {
        var stage = new StandardizeStage();
        // Empty default: the descriptor columns the table's footer names; no footer means Li-V-O-F standard, the 11.
        Assert.Empty((string[])stage.Params.Single(p => p.Name == "features").Default!);
        var features = new Table([Column.Of("gate_tm_up", new[] { 1.0 })]);
        using var ctx = new TestStageContext(stage).With("features", features);

        var e = Assert.Throws<InvalidDataException>(() => stage.Run(ctx));

        Assert.Contains("gate_tm_down", e.Message);
    }

    [Fact]
    public void Featurize_command_runs_the_stage_through_the_host()
    {
        var host = new RecordingHost();
        var command = new FeaturizeModule().Commands(host).Single(c => c.Name == "featurize");

        int exit = command.Parse(["--hops", "in/hops.parquet", "--out", "out", "--mapping-tolerance", "0.3"]).Invoke();

        Assert.Equal(7, exit);
        Assert.Equal("featurize", host.Stage!.Type);
        Assert.Equal(Path.GetFullPath("in/hops.parquet"), host.Inputs!["hops"]);
        Assert.Equal("0.3", host.Parameters!["mapping_tolerance"]);
        // Params not given are not copied from a default here: the engine applies the stage's ParamSpec default.
        Assert.False(host.Parameters.ContainsKey("on_error"));
        Assert.Equal(Path.GetFullPath("out"), host.Output);
    }

    [Fact]
    public void Module_exposes_featurize_and_standardize()
        => Assert.Equal(["featurize", "standardize"], new FeaturizeModule().Stages.Select(s => s.Type));

    private sealed class RecordingHost : IStageHost
    {
        public IStage? Stage;
        public IReadOnlyDictionary<string, string>? Parameters, Inputs;
        public string? Output;

        public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters,
            IReadOnlyDictionary<string, string> inputs, string outputDirectory)
        {
            (Stage, Parameters, Inputs, Output) = (stage, parameters, inputs, outputDirectory);
            return 7;
        }
    }
}
