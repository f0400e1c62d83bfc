using Pipeline.Abstractions;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>The stage types through a StageContext: table schemas of docs/CONTRACTS.md, strict mode, params, log.</summary>
public class StageTests
{
    private static readonly (string, ColumnType)[] HopsSchema =
    [
        ("calc_id", ColumnType.String), ("n_images", ColumnType.Int64), ("energies", ColumnType.Float64List),
        ("toten", ColumnType.Float64List), ("e_forward", ColumnType.Float64), ("e_backward", ColumnType.Float64),
        ("e_reaction", ColumnType.Float64), ("e_kra", ColumnType.Float64), ("highest_image", ColumnType.Int64),
        ("moving_index", ColumnType.Int64), ("moving_species", ColumnType.String), ("hop_length", ColumnType.Float64),
        ("second_displacement", ColumnType.Float64), ("max_force", ColumnType.Float64List), ("climbing", ColumnType.Bool),
        ("lattice", ColumnType.Float64List), ("species", ColumnType.StringList), ("frac_initial", ColumnType.Float64List),
        ("frac_final", ColumnType.Float64List), ("moving_frac_saddle", ColumnType.Float64List), ("saddle_image", ColumnType.Int64),
        ("raw_hashes", ColumnType.String),
    ];

    private static readonly (string, ColumnType)[] ImagesSchema =
    [
        ("calc_id", ColumnType.String), ("image", ColumnType.Int64), ("energy", ColumnType.Float64), ("toten", ColumnType.Float64),
        ("max_force", ColumnType.Float64), ("tangent_force", ColumnType.Float64), ("moving_frac", ColumnType.Float64List),
    ];

    private static readonly (string, ColumnType)[] StructuresSchema =
    [
        ("calc_id", ColumnType.String), ("kind", ColumnType.String), ("lattice", ColumnType.Float64List),
        ("species", ColumnType.StringList), ("frac", ColumnType.Float64List), ("energy", ColumnType.Float64),
        ("toten", ColumnType.Float64), ("n_atoms", ColumnType.Int64),
    ];

    private static readonly (string, ColumnType)[] RejectedSchema =
    [
        ("calc_id", ColumnType.String), ("reason", ColumnType.String), ("file", ColumnType.String), ("line", ColumnType.Int64),
    ];

    private static void AssertSchema((string, ColumnType)[] expected, Table table)
        => Assert.Equal(expected, table.Columns.Select(c => (c.Name, c.Type)));

    private static TempDir Dataset()
    {
        var temp = new TempDir();
        new SyntheticNeb { LClimb = ".TRUE." }.Write(temp.Sub("neb", "hop_0001"));
        var bad = temp.Sub("neb", "hop_0002");
        new SyntheticNeb().Write(bad);
        File.WriteAllText(Path.Combine(bad, "02", "OUTCAR"), "");
        new SyntheticNeb().WriteSinglePoint(temp.Sub("sp", "sp_0001"), 4);
        return temp;
    }

    [Fact]
    public void Vasp_stage_writes_the_four_contract_tables()
    {
        using var data = Dataset();
        using var cache = new TempDir();
        var ctx = new FakeStageContext(new VaspNebIngestStage(), new() { ["data"] = data.Path }, cacheDirectory: cache.Path);
        new VaspNebIngestStage().Run(ctx);

        AssertSchema(HopsSchema, ctx.Tables["hops"]);
        AssertSchema(ImagesSchema, ctx.Tables["images"]);
        AssertSchema(StructuresSchema, ctx.Tables["structures"]);
        AssertSchema(RejectedSchema, ctx.Tables["rejected"]);

        var hops = ctx.Tables["hops"];
        Assert.Equal(["neb/hop_0001"], hops.Strings("calc_id"));
        Assert.Equal([5L], hops.Longs("n_images"));
        Assert.Equal([true], hops.Bools("climbing"));
        Assert.Equal([0.5], hops.Doubles("e_forward"));
        Assert.Equal(3, hops.DoubleLists("moving_frac_saddle")[0].Length);
        Assert.Equal(9, hops.DoubleLists("lattice")[0].Length);

        var images = ctx.Tables["images"];
        Assert.Equal(5, images.RowCount);
        Assert.Equal([0L, 1, 2, 3, 4], images.Longs("image"));
        Assert.True(double.IsNaN(images.Doubles("tangent_force")[0]));
        Assert.Equal(-0.02, images.Doubles("tangent_force")[2], 9);
        Assert.Equal(0.3, images.DoubleLists("moving_frac")[2][0], 9);

        var structures = ctx.Tables["structures"];
        Assert.Equal(["neb/hop_0001/00", "neb/hop_0001/04", "sp/sp_0001"], structures.Strings("calc_id"));
        Assert.Equal(["neb-initial", "neb-final", "single-point"], structures.Strings("kind"));
        Assert.Equal([-10.0, -9.9, -9.9], structures.Doubles("energy"));
        Assert.Equal([3L, 3, 3], structures.Longs("n_atoms"));

        var rejected = ctx.Tables["rejected"];
        Assert.Equal(["neb/hop_0002"], rejected.Strings("calc_id"));
        Assert.Equal(["neb/hop_0002/02/OUTCAR"], rejected.Strings("file"));
        Assert.StartsWith("empty_outcar: ", rejected.Strings("reason")[0]);

        Assert.Contains(ctx.LogLines, l => l.Contains("1 NEBs accepted, 1 single points, 1 rejected"));
    }

    [Fact]
    public void Strict_mode_turns_a_rejection_into_a_failure_naming_calc_and_reason()
    {
        using var data = Dataset();
        var ctx = new FakeStageContext(new VaspNebIngestStage(), new() { ["data"] = data.Path },
            new() { [IngestParams.Strict] = true });
        var e = Assert.Throws<IngestRejectedException>(() => new VaspNebIngestStage().Run(ctx));
        Assert.Contains("neb/hop_0002", e.Message);
        Assert.Contains("empty_outcar", e.Message);
        Assert.Contains("neb/hop_0002/02/OUTCAR", e.Message);
        Assert.Empty(ctx.Tables);
    }

    [Fact]
    public void Mobile_species_and_second_mover_params_reach_the_checks()
    {
        using var data = new TempDir();
        new SyntheticNeb { FracFinal = [0.5, 0.25, 0.25, 0.75, 0.6, 0.75, 0.25, 0.75, 0.25] }.Write(data.Sub("n"));
        var strictRatio = new FakeStageContext(new VaspNebIngestStage(), new() { ["data"] = data.Path },
            new() { [IngestParams.SecondMoverRatio] = 0.3 });
        new VaspNebIngestStage().Run(strictRatio);
        Assert.StartsWith(RejectionCodes.MultipleIonsMoving, strictRatio.Tables["rejected"].Strings("reason")[0]);

        var otherSpecies = new FakeStageContext(new VaspNebIngestStage(), new() { ["data"] = data.Path },
            new() { [IngestParams.MobileSpecies] = "O" });
        new VaspNebIngestStage().Run(otherSpecies);
        Assert.StartsWith(RejectionCodes.NotMobileSpecies, otherSpecies.Tables["rejected"].Strings("reason")[0]);
    }

    [Fact]
    public void Ase_stage_writes_the_same_tables_from_trajectories()
    {
        var ctx = new FakeStageContext(new AseNebIngestStage(), new() { ["data"] = Fixtures.Ase });
        new AseNebIngestStage().Run(ctx);
        AssertSchema(HopsSchema, ctx.Tables["hops"]);
        AssertSchema(ImagesSchema, ctx.Tables["images"]);
        AssertSchema(StructuresSchema, ctx.Tables["structures"]);
        Assert.Equal(["neb-0000", "neb-0001"], ctx.Tables["hops"].Strings("calc_id"));
        Assert.Equal(7 + 9, ctx.Tables["images"].RowCount);
        Assert.Equal(["neb-0000/00", "neb-0000/06", "neb-0001/00", "neb-0001/08"], ctx.Tables["structures"].Strings("calc_id"));
        Assert.Equal(0, ctx.Tables["rejected"].RowCount);
    }

    [Fact]
    public void Module_offers_both_stages_and_the_ingest_command()
    {
        var module = new VaspModule();
        Assert.Equal(["vasp-neb-ingest", "ase-neb-ingest"], module.Stages.Select(s => s.Type));
        Assert.All(module.Stages, s => Assert.Equal(["hops", "images", "structures", "rejected"], s.Outputs.Select(o => o.Name)));
        Assert.All(module.Stages, s => Assert.Equal(["data"], s.Inputs.Select(i => i.Name)));
        var command = Assert.Single(module.Commands(new RecordingHost()));
        Assert.Equal("ingest", command.Name);
    }

    [Fact]
    public void Ingest_command_maps_arguments_onto_stage_params_and_inputs()
    {
        var host = new RecordingHost();
        var command = new VaspModule().Commands(host).Single();
        var root = new System.CommandLine.RootCommand { command };
        Assert.Equal(0, root.Parse(["ingest", "data/raw", "--out", "out", "--strict"]).Invoke());
        Assert.Equal("vasp-neb-ingest", host.Stage!.Type);
        Assert.Equal("true", host.Parameters!["strict"]);
        Assert.Equal("Li", host.Parameters["mobile_species"]);
        Assert.Equal("data/raw", host.Inputs!["data"]);
        Assert.Equal("out", host.Output);

        Assert.Equal(0, root.Parse(["ingest", Path.Combine(Fixtures.Ase, "neb-*.traj"), "--out", "o", "--ase", "--mobile-species", "Na"]).Invoke());
        Assert.Equal("ase-neb-ingest", host.Stage!.Type);
        Assert.Equal(Fixtures.Ase, host.Inputs!["data"]);
        Assert.Equal("neb-*.traj", host.Parameters!["pattern"]);
        Assert.Equal("Na", host.Parameters["mobile_species"]);
    }

    [Theory]
    [InlineData("runs", "runs", "*.traj")]
    [InlineData("runs/neb-*.traj", "runs", "neb-*.traj")]
    [InlineData("*.traj", ".", "*.traj")]
    public void Glob_split_separates_folder_and_pattern(string input, string folder, string pattern)
        => Assert.Equal((folder, pattern), IngestCommand.SplitGlob(input));

    private sealed class RecordingHost : IStageHost
    {
        public IStage? Stage { get; private set; }
        public IReadOnlyDictionary<string, string>? Parameters { get; private set; }
        public IReadOnlyDictionary<string, string>? Inputs { get; private set; }
        public string? Output { get; private set; }

        public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> inputs, string outputDirectory)
        {
            (Stage, Parameters, Inputs, Output) = (stage, parameters, inputs, outputDirectory);
            return 0;
        }
    }
}
