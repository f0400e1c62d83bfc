using System.Diagnostics;
using System.Text.Json;
using Pipeline.Abstractions;
using Pipeline.Cli;
using Pipeline.Core.Execution;
using Pipeline.Core.Parquet;
using Pipeline.Core.Store;

namespace Pipeline.EndToEnd.Tests;

public class InspectionCommandTests
{
    private static CliHarness Ran()
    {
        var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli("run");
        Assert.True(r.Code == 0, r.ToString());
        return h;
    }

    [Fact]
    public void Dag_prints_text_and_mermaid()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var text = h.Cli("dag").Output;
        Assert.Contains("scale (test-scale v1)\n  <- numbers: gen.numbers\n  -> sum\n", text);
        var mermaid = h.Cli("dag", "--mermaid").Output;
        Assert.StartsWith("flowchart TD\n", mermaid);
        Assert.Contains("s_gen -->|numbers| s_scale", mermaid);
        Assert.Contains("s_scale -->|scaled| s_sum", mermaid);
    }

    [Fact]
    public void Show_prints_schema_metadata_and_rows()
    {
        using var h = Ran();
        var r = h.Cli("show", "gen.numbers", "-n", "2");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("rows      6", r.Output);
        Assert.Contains("  xs     f64[]", r.Output);
        Assert.Contains("  pipeline.stage = gen", r.Output);
        Assert.Contains("... 4 more rows", r.Output);
        var file = h.Cli("show", "sum.summary");
        Assert.Contains("\"count\":6", file.Output);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("show", "gen.nothing").Code);
    }

    [Fact]
    public void Lineage_json_walks_back_to_the_first_stage()
    {
        using var h = Ran();
        var json = JsonDocument.Parse(h.Cli("lineage", "sum.summary", "--json").Output).RootElement;
        var sum = json.GetProperty("produced_by");
        Assert.Equal("sum", sum.GetProperty("stage").GetString());
        var scaled = sum.GetProperty("inputs").GetProperty("scaled");
        Assert.Equal("scale.scaled", scaled.GetProperty("artifact").GetString());
        var numbers = scaled.GetProperty("produced_by").GetProperty("inputs").GetProperty("numbers");
        Assert.Equal("gen", numbers.GetProperty("produced_by").GetProperty("stage").GetString());
        Assert.Equal("3.0", scaled.GetProperty("produced_by").GetProperty("params").GetProperty("factor").GetString());
        Assert.Contains("└─ sum (test-summarize v1", h.Cli("lineage", "sum.summary").Output);
    }

    [Fact]
    public void Export_writes_csv_json_and_parquet_with_the_same_values()
    {
        using var h = Ran();
        var csv = h.Cli("export", "scale.scaled", "--format", "csv").Output;
        Assert.StartsWith("id,x\r\n0,1.5\r\n1,3\r\n", csv);
        var json = JsonDocument.Parse(h.Cli("export", "gen.numbers", "--format", "json").Output).RootElement;
        Assert.Equal(6, json.GetArrayLength());
        Assert.Equal(["w0", "w1"], json[1].GetProperty("words").EnumerateArray().Select(e => e.GetString()));
        var target = h.PathOf("exported/scaled.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Assert.Equal(0, h.Cli("export", "scale.scaled", "--format", "parquet", "--out", target).Code);
        var exported = ParquetTableReader.Read(target);
        Assert.Equal(ParquetTableReader.Read(h.PathOf("out/scale/scaled.parquet")).Doubles("x"), exported.Doubles("x"));
        Assert.Equal("scale", exported.Metadata[ArtifactMetadata.Stage]);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("export", "sum.summary", "--format", "csv").Code);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("export", "scale.scaled", "--format", "xml").Code);
    }

    [Fact]
    public void Provenance_exports_ro_crate_and_prov_json_ld()
    {
        using var h = Ran();
        var crate = JsonDocument.Parse(h.Cli("provenance").Output).RootElement;
        var graph = crate.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(4, graph.Count(e => e.GetProperty("@type").GetString() == "CreateAction"));
        Assert.Contains(graph, e => e.GetProperty("@id").GetString() == "out/sum/summary.json");
        var path = h.PathOf("prov.jsonld");
        Assert.Equal(0, h.Cli("provenance", "--format", "prov", "--out", path).Code);
        var prov = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.Contains(prov.GetProperty("@graph").EnumerateArray(), e => e.GetProperty("@id").GetString() == "urn:pipeline:run:other");
    }

    [Fact]
    public void Verify_reports_corruption_with_exit_4_and_the_next_run_rebuilds()
    {
        using var h = Ran();
        Assert.Equal(0, h.Cli("verify").Code);
        var locked = LockFile.Load(h.PathOf("pipeline.lock"));
        var store = new ObjectStore(new Workspace(h.Root), new Core.Hashing.HashCache(null));
        var summary = store.PathOf(locked.Stages["sum"].Outputs["summary"]);
        File.WriteAllText(summary, "{\"sum\": 0}");
        var verify = h.Cli("verify");
        Assert.Equal(ExitCodes.VerificationFailed, verify.Code);
        Assert.Contains("CORRUPT", verify.Output);
        Assert.Contains("MISSING  sum.summary", verify.Output);
        var rebuild = h.Cli("run");
        Assert.Contains("sum: running (output summary missing from the store)", rebuild.Output);
        Assert.Equal(2, h.Stages.Summarize.Runs);
        Assert.Equal(0, h.Cli("verify").Code);
    }

    [Fact]
    public void Gc_removes_orphans_and_stages_lists_types()
    {
        using var h = Ran();
        var gc = h.Cli("gc", "--prune-run-cache");
        Assert.True(gc.Code == 0, gc.ToString());
        Assert.Contains("removed 0 objects", gc.Output);
        var stages = h.Cli("stages").Output;
        Assert.Contains("test-generate (v1): test stage test-generate", stages);
        Assert.Contains("    rows: int (default 5, range [1, 100000]) — number of rows", stages);
        Assert.Contains("    label: enum (default a, one of a|b)", stages);
        Assert.Contains("    summary: file summary.json — sum and count", stages);
    }

    [Fact]
    public void Params_and_metrics_diff_against_a_git_revision()
    {
        using var h = Ran();
        Git(h.Root, "init", "-q");
        Git(h.Root, "add", "pipeline.yaml", "pipeline.lock");
        Git(h.Root, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "baseline");
        h.Write("pipeline.yaml", CliHarness.Pipeline.Replace("factor: 3", "factor: 5"));
        Assert.Equal(0, h.Cli("run").Code);

        var parameters = h.Cli("params", "diff");
        Assert.True(parameters.Code == 0, parameters.ToString());
        Assert.Contains("scale.factor  3.0   5.0        +2", parameters.Output);
        var metrics = JsonDocument.Parse(h.Cli("metrics", "diff", "HEAD", "--json").Output).RootElement;
        var sum = metrics.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "sum.metrics[sum].value");
        // x = (i + 1) * 0.5 * factor for i < 6: sums 31.5 and 52.5.
        Assert.Equal(31.5, sum.GetProperty("old").GetDouble());
        Assert.Equal(52.5, sum.GetProperty("new").GetDouble());
        Assert.Equal(21, sum.GetProperty("change").GetDouble());
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("params", "diff", "no-such-rev").Code);
    }

    [Fact]
    public void Init_writes_a_pipeline_for_the_contract_stage_types()
    {
        using var h = new CliHarness();
        var data = h.PathOf("my-vasp");
        Directory.CreateDirectory(Path.Combine(data, "neb1"));
        var workspace = h.PathOf("ws");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandTree.Invoke(["init", workspace, "--data", data], [new ContractStages()], output, error);
        Assert.True(code == 0, output + "\n" + error);
        var yaml = File.ReadAllText(Path.Combine(workspace, "pipeline.yaml"));
        foreach (var stage in new[] { "ingest", "featurize", "standardize", "fit", "validate", "ce", "kmc", "report" })
            Assert.Contains($"- name: {stage}\n", yaml);
        Assert.DoesNotContain("synthesize", yaml);
        Assert.Contains("model: fit.model_kra", yaml);
        Assert.Contains("ce: ce.eci", yaml);
        Assert.Contains("hops: ingest.hops", yaml);
        Assert.Contains("metrics: validate.metrics", yaml);
        // Data outside the workspace: its absolute path, and no symbolic link inside the workspace.
        Assert.Contains($"data: {data.Replace('\\', '/')}\n", yaml);
        Assert.False(Directory.Exists(Path.Combine(workspace, "datasets")));
        Assert.Equal("", error.ToString());

        var dag = new StringWriter();
        Assert.Equal(0, CommandTree.Invoke(["-C", workspace, "dag"], [new ContractStages()], dag, error));
        Assert.Contains("report (report v1)", dag.ToString());
        Assert.Equal(ExitCodes.InvalidConfig, CommandTree.Invoke(["init", workspace, "--data", data], [new ContractStages()], output, error));
    }

    private static void Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    /// <summary>Stand-ins with the ports of docs/CONTRACTS.md (the real stages live in other projects).</summary>
    private sealed class ContractStages : IPipelineModule
    {
        public IEnumerable<IStage> Stages =>
        [
            Stub("vasp-neb-ingest", [In("data", PortKind.Directory)], [Table("hops"), Table("images"), Table("structures"), Table("rejected")]),
            Stub("featurize", [In("hops", PortKind.Table)], [Table("features")]),
            Stub("standardize", [In("features", PortKind.Table)], [File("scaler", "scaler.json")]),
            Stub("fit-barriers", [In("features", PortKind.Table), In("scaler", PortKind.File)],
                [File("model_forward", "model-forward.json"), File("model_kra", "model-kra.json"), File("classifier", "classifier.zip"), Table("classifier_metrics")]),
            Stub("validate", [In("features", PortKind.Table), In("scaler", PortKind.File), In("model_forward", PortKind.File), In("model_kra", PortKind.File), In("truth", PortKind.File, true)],
                [Table("metrics"), File("metrics_json", "metrics.json"), Table("coefficients"), new PortSpec("plots", PortKind.Directory, "")]),
            Stub("ce-fit", [In("structures", PortKind.Table), In("truth", PortKind.File, true)], [File("eci", "eci.json"), Table("ce_metrics")]),
            Stub("kmc", [In("model", PortKind.File), In("ce", PortKind.File)], [Table("results"), Table("summary"), Table("msd"), new PortSpec("plots", PortKind.Directory, "")]),
            Stub("report",
            [
                In("hops", PortKind.Table, true), In("rejected", PortKind.Table, true), In("features", PortKind.Table, true),
                In("classifier_metrics", PortKind.Table, true), In("metrics", PortKind.Table, true), In("coefficients", PortKind.Table, true),
                In("validate_plots", PortKind.Directory, true), In("ce_metrics", PortKind.Table, true), In("eci", PortKind.File, true),
                In("kmc_summary", PortKind.Table, true), In("kmc_results", PortKind.Table, true), In("kmc_plots", PortKind.Directory, true),
                In("truth", PortKind.File, true), In("model_forward", PortKind.File, true), In("model_kra", PortKind.File, true),
            ], [File("report", "report.html")]),
        ];

        public IEnumerable<System.CommandLine.Command> Commands(IStageHost host) => [];

        private static PortSpec In(string name, PortKind kind, bool optional = false) => new(name, kind, "", optional);
        private static PortSpec Table(string name) => new(name, PortKind.Table, "");
        private static PortSpec File(string name, string fileName) => new(name, PortKind.File, "", FileName: fileName);
        private static IStage Stub(string type, PortSpec[] inputs, PortSpec[] outputs) => new StubStage(type, inputs, outputs);

        private sealed class StubStage(string type, PortSpec[] inputs, PortSpec[] outputs) : IStage
        {
            public string Type => type;
            public int Version => 1;
            public string Description => "contract stand-in";
            public IReadOnlyList<ParamSpec> Params => [];
            public IReadOnlyList<PortSpec> Inputs => inputs;
            public IReadOnlyList<PortSpec> Outputs => outputs;
            public void Run(StageContext ctx) => throw new InvalidOperationException("stand-in");
        }
    }
}
