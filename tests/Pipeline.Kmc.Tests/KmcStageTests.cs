using Pipeline.Abstractions;
using Pipeline.Kmc.Stage;

namespace Pipeline.Kmc.Tests;

public sealed class KmcStageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kmc-stage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Dictionary<string, object> Small = new()
    {
        ["compositions"] = new[] { 0.3, 0.6 },
        ["temperatures"] = new[] { 500.0, 700.0 },
        ["size"] = 3L,
        ["seeds"] = 2L,
        ["steps"] = 2000L,
        ["samples"] = 20L,
        ["blocks"] = 5L,
    };

    private TestStageContext Run(int parallelism, Dictionary<string, object>? parameters = null, string? sub = null)
    {
        var root = Path.Combine(_dir, sub ?? $"j{parallelism}");
        Directory.CreateDirectory(root);
        var inputs = new Dictionary<string, string>
        {
            ["model"] = ModelFiles.WriteKra(root),
            ["ce"] = ModelFiles.WriteCe(root, 3),
        };
        var ctx = new TestStageContext(new KmcStage(), parameters ?? Small, inputs, root, parallelism);
        new KmcStage().Run(ctx);
        return ctx;
    }

    [Fact]
    public void Stage_writes_one_result_per_run_a_summary_per_condition_msd_curves_and_plots()
    {
        var ctx = Run(2);
        var results = ctx.Tables["results"];
        var summary = ctx.Tables["summary"];
        var msd = ctx.Tables["msd"];
        Assert.Equal(2 * 2 * 2, results.RowCount);
        Assert.Equal(2 * 2, summary.RowCount);
        Assert.Equal(8 * 21, msd.RowCount);
        Assert.All(results.Longs("events"), e => Assert.Equal(2000, e));
        Assert.All(results.Doubles("d_tracer_cm2_s"), d => Assert.True(d > 0));
        // Jump classes add up to the jumps.
        var jumps = results.Longs("jumps");
        for (int i = 0; i < results.RowCount; i++)
            Assert.Equal(jumps[i], results.Longs("jumps_gate_tm_up_0")[i] + results.Longs("jumps_gate_tm_up_1")[i] + results.Longs("jumps_gate_tm_up_2")[i]);

        // The summary's mean and standard error agree with a direct computation from the results.
        var xs = results.Doubles("x");
        var ts = results.Doubles("temperature");
        var d = results.Doubles("d_tracer_cm2_s");
        var sel = Enumerable.Range(0, results.RowCount).Where(i => xs[i] == 0.6 && ts[i] == 700).Select(i => d[i]).ToArray();
        int row = Enumerable.Range(0, summary.RowCount).Single(i => summary.Doubles("x")[i] == 0.6 && summary.Doubles("temperature")[i] == 700);
        Assert.Equal(sel.Average(), summary.Doubles("d_tracer_cm2_s_mean")[row], sel.Average() * 1e-12);
        double sd = Math.Sqrt(sel.Sum(v => (v - sel.Average()) * (v - sel.Average())) / (sel.Length - 1));
        Assert.Equal(sd / Math.Sqrt(sel.Length), summary.Doubles("d_tracer_cm2_s_stderr")[row], sd * 1e-12);
        Assert.All(summary.Doubles("arrhenius_ea_tracer_ev"), ea => Assert.True(double.IsFinite(ea)));

        foreach (var f in new[] { "arrhenius.png", "arrhenius.svg", "msd.png", "msd.svg" })
            Assert.True(new FileInfo(Path.Combine(_dir, "j2", "plots", f)).Length > 1000, f);
        var png = File.ReadAllBytes(Path.Combine(_dir, "j2", "plots", "msd.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(ctx.TestLog.ProgressTotal, ctx.TestLog.ProgressDone);
    }

    [Fact]
    public void Outputs_do_not_depend_on_parallelism_and_one_item_alone_gives_its_rows()
    {
        var serial = Run(1);
        var parallel = Run(2);
        foreach (var name in new[] { "results", "summary", "msd" })
            AssertTablesEqual(serial.Tables[name], parallel.Tables[name]);

        // The unit of work a batch executor would run: item 5 on its own.
        var root = Path.Combine(_dir, "j1");
        var settings = KmcSettings.From(serial.Params);
        var models = KmcModels.Load(Path.Combine(root, "model-kra.json"), Path.Combine(root, "eci.json"));
        var item = settings.Items()[5];
        var alone = KmcItemRunner.Run(settings, item, models);
        var all = serial.Tables["results"];
        Assert.Equal(all.Doubles("d_tracer_cm2_s")[5], alone.Results.Doubles("d_tracer_cm2_s")[0]);
        Assert.Equal(all.Strings("run_seed")[5], alone.Results.Strings("run_seed")[0]);
    }

    [Fact]
    public void Fan_out_items_assembled_give_the_same_tables_as_the_in_process_run()
    {
        var direct = Run(2);
        var root = Path.Combine(_dir, "fanout");
        Directory.CreateDirectory(root);
        var inputs = new Dictionary<string, string> { ["model"] = ModelFiles.WriteKra(root), ["ce"] = ModelFiles.WriteCe(root, 3) };
        var ctx = new TestStageContext(new KmcStage(), Small, inputs, root, 1);
        IFanOutStage stage = new KmcStage();
        var items = stage.Plan(ctx);
        Assert.Equal(8, items.Count);
        var parts = new List<WorkItemResult>();
        foreach (var item in items.Reverse()) // any order
        {
            var dir = Path.Combine(root, "items", item.Id);
            Directory.CreateDirectory(dir);
            stage.RunItem(ctx, item, dir);
            parts.Insert(0, new WorkItemResult(item, dir));
        }
        stage.Assemble(ctx, parts);
        foreach (var name in new[] { "results", "summary", "msd" })
            AssertTablesEqual(direct.Tables[name], ctx.Tables[name]);
    }

    [Fact]
    public void A_forward_barrier_model_is_refused_naming_the_file_and_the_feature()
    {
        var root = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(root);
        var path = ModelFiles.WriteKra(root, Pipeline.RockSalt.HopDescriptors.Names.ToArray());
        var ex = Assert.Throws<InvalidDataException>(() => Pipeline.Kmc.Models.KraModelAdapter.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("delta_e", ex.Message);
    }

    [Fact]
    public void The_formula_param_defaults_to_Li2VO2F_and_is_read_in_the_ce_models_chemistry()
    {
        var one = new Dictionary<string, object>(Small) { ["compositions"] = new[] { 0.5 }, ["temperatures"] = new[] { 600.0 }, ["seeds"] = 1L };
        var implicitFormula = Run(1, one, "implicit");
        var explicitFormula = Run(1, new Dictionary<string, object>(one) { ["formula"] = "Li2VO2F" }, "explicit");
        AssertTablesEqual(implicitFormula.Tables["results"], explicitFormula.Tables["results"]);
        AssertTablesEqual(implicitFormula.Tables["msd"], explicitFormula.Tables["msd"]);
        // A cell of 108 cation sites at x = 0.5: 36 V, 18 vacancies, 54 Li.
        Assert.Equal([54L, 36L, 18L], new[] { "li", "v", "vacancies" }.Select(c => implicitFormula.Tables["results"].Longs(c)[0]));

        // Another composition of the same species changes the cell: Li1.5V0.5O1.5F0.5 puts V on a quarter of the sites
        // and x = 0.5 empties a quarter (54 formula units of 2 sites).
        var quarter = Run(1, new Dictionary<string, object>(one) { ["formula"] = "Li1.5V0.5O1.5F0.5" }, "quarter");
        Assert.Equal([54L, 27L, 27L], new[] { "li", "v", "vacancies" }.Select(c => quarter.Tables["results"].Longs(c)[0]));

        var ex = Assert.Throws<ArgumentException>(() => Run(1, new Dictionary<string, object>(one) { ["formula"] = "Li1.2Mn0.4Ti0.4O2" }, "mnti"));
        Assert.Contains("'formula'", ex.Message);
        Assert.Contains("Mn is not a species of Li-V-O-F", ex.Message);
        Assert.Contains("eci.json", ex.Message);
    }

    [Fact]
    public void Blocks_beyond_samples_are_refused_naming_the_params()
    {
        var p = new Dictionary<string, object>(Small) { ["blocks"] = 50L };
        var ex = Assert.Throws<ArgumentException>(() => Run(1, p, "blocks"));
        Assert.Contains("'blocks'", ex.Message);
        Assert.Contains("'samples'", ex.Message);
    }

    [Fact]
    public void A_composition_without_vacancies_gives_zero_diffusivity_and_no_arrhenius_fit()
    {
        var p = new Dictionary<string, object>(Small) { ["compositions"] = new[] { 0.0 }, ["size"] = 2L };
        var ctx = Run(1, p, "x0");
        Assert.All(ctx.Tables["results"].Longs("events"), e => Assert.Equal(0, e));
        Assert.All(ctx.Tables["results"].Doubles("d_tracer_cm2_s"), d => Assert.Equal(0.0, d));
        Assert.All(ctx.Tables["summary"].Doubles("arrhenius_ea_tracer_ev"), ea => Assert.True(double.IsNaN(ea)));
    }

    [Fact]
    public void Synthesis_equilibration_lowers_the_starting_ce_energy_and_stays_deterministic()
    {
        var random = Run(1, new Dictionary<string, object>(Small) { ["compositions"] = new[] { 0.4 }, ["temperatures"] = new[] { 600.0 } }, "random");
        var annealed = new Dictionary<string, object>(Small)
        {
            ["compositions"] = new[] { 0.4 }, ["temperatures"] = new[] { 600.0 },
            ["synthesis_temperature"] = 300.0, ["synthesis_sweeps"] = 30L,
        };
        var a = Run(1, annealed, "annealed-a");
        var b = Run(2, annealed, "annealed-b");
        var eRandom = random.Tables["results"].Doubles("energy_start_ev_per_fu");
        var eAnnealed = a.Tables["results"].Doubles("energy_start_ev_per_fu");
        for (int i = 0; i < eRandom.Length; i++) Assert.True(eAnnealed[i] < eRandom[i], $"run {i}: {eAnnealed[i]} !< {eRandom[i]}");
        AssertTablesEqual(a.Tables["results"], b.Tables["results"]);
    }

    private static void AssertTablesEqual(Table a, Table b)
    {
        Assert.Equal(a.Columns.Select(c => c.Name), b.Columns.Select(c => c.Name));
        foreach (var c in a.Columns)
            Assert.True(System.Collections.StructuralComparisons.StructuralEqualityComparer.Equals(c.Values, b[c.Name].Values)
                || c.Type is ColumnType.Float64List or ColumnType.StringList, $"column {c.Name} differs");
    }
}
