using Pipeline.Report.Inputs;
using Pipeline.Abstractions;
using Pipeline.Report.Tests.Fakes;

namespace Pipeline.Report.Tests;

/// <summary>A small run built in memory: tables shaped like the other stages' outputs (docs/CONTRACTS.md and the
/// stage sources), model/ECI JSON, truth.yaml and plot folders with hand-made PNGs. Values are chosen so the
/// report's numbers can be checked by hand.</summary>
internal sealed class SmallRun : IDisposable
{
    public const double BoltzmannEvPerK = 8.617333262e-5;
    public const double KmcActivationEnergy = 0.35;
    public const double KmcPrefactor = 1e-3;
    public const string HostileCalcId = "neb/<script>alert(1)</script>";

    public SmallRun()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(OutputDirectory);
        ValidatePng = TinyPng.Create(4, 3, 200, 30, 30);
        KmcPng = TinyPng.Create(2, 2, 30, 30, 200);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "report-test-" + Guid.NewGuid().ToString("N"));
    public string OutputDirectory => Path.Combine(Root, "out");
    public byte[] ValidatePng { get; }
    public byte[] KmcPng { get; }

    public Dictionary<string, Table> Tables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Hashes { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> IngestProvenance { get; } = new Dictionary<string, string>
    {
        ["pipeline.stage"] = "ingest",
        ["pipeline.stage_type"] = "vasp-neb-ingest",
        ["pipeline.params_hash"] = "p4r4m5h45h",
        ["pipeline.params"] = "{\"workers\":2}",
        ["pipeline.tool_version"] = "0.1.0+test",
    };

    public static IReadOnlyDictionary<string, string> RunProvenance { get; } = new Dictionary<string, string>
    {
        ["tool_version"] = "0.1.0+test",
        ["stage"] = "report",
        ["params_hash"] = "r3p0rtp4r4m5",
    };

    /// <summary>Every input of the bundled pipeline connected.</summary>
    public static SmallRun Full()
    {
        var run = new SmallRun();
        run.AddTable("hops", Hops(), IngestProvenance);
        run.AddTable("rejected", Rejected(), IngestProvenance);
        run.AddTable("features", Features());
        run.AddTable("classifier_metrics", ClassifierMetrics());
        run.AddTable("metrics", Metrics());
        run.AddTable("coefficients", Coefficients());
        run.AddTable("ce_metrics", CeMetrics());
        run.AddTable("kmc_summary", KmcSummary());
        run.AddTable("kmc_results", KmcResults());
        run.AddFolder("validate_plots", ("parity_kra.png", run.ValidatePng), ("parity_kra.svg", Svg()), ("cv_curve_kra.png", run.ValidatePng));
        run.AddFolder("kmc_plots", ("msd_x0.3.png", run.KmcPng));
        run.AddFile("eci", "eci.json", EciJson);
        run.AddFile("truth", "truth.yaml", TruthYaml);
        run.AddFile("model_kra", "model-kra.json", ModelKraJson);
        run.AddFile("model_forward", "model-forward.json", ModelForwardJson);
        return run;
    }

    public FakeStageContext Context(IStage stage, IReadOnlyDictionary<string, object>? paramOverrides = null) =>
        new(stage, Tables, Paths, Hashes, OutputDirectory, RunProvenance, paramOverrides);

    /// <summary>The hand-made tables hold the columns a test is about; the report checks every input against its
    /// contract, so the other required columns are added with neutral values (NaN, 0, "", empty lists).</summary>
    private static Table CompleteToContract(string port, Table table)
    {
        if (ReportPorts.ContractOf(port) is not { } schema) return table;
        var missing = schema.Columns.Where(c => c.Required && !table.Has(c.Name)).ToList();
        if (missing.Count == 0) return table;
        int n = table.RowCount;
        var added = missing.Select(c => new Column(c.Name, c.Type, c.Type switch
        {
            ColumnType.Float64 => Enumerable.Repeat(double.NaN, n).ToArray(),
            ColumnType.Int64 => new long[n],
            ColumnType.Bool => new bool[n],
            ColumnType.String => Enumerable.Repeat("", n).ToArray(),
            ColumnType.Float64List => Enumerable.Range(0, n).Select(_ => Array.Empty<double>()).ToArray(),
            _ => (Array)Enumerable.Range(0, n).Select(_ => Array.Empty<string>()).ToArray(),
        }));
        var complete = new Table(table.Columns.Concat(added), table.Metadata);
        return complete;
    }

    public void AddTable(string port, Table table, IReadOnlyDictionary<string, string>? metadata = null)
    {
        table = CompleteToContract(port, table);
        foreach (var (k, v) in metadata ?? new Dictionary<string, string>()) table.Metadata[k] = v;
        Tables[port] = table;
        Hashes[port] = "hash-of-" + port;
    }

    public void AddFile(string port, string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        Paths[port] = path;
        Hashes[port] = "hash-of-" + port;
    }

    public void AddFolder(string port, params (string Name, byte[] Bytes)[] files)
    {
        var folder = Path.Combine(Root, port);
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
        Paths[port] = folder;
        Hashes[port] = "hash-of-" + port;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    // Six accepted hops: 3 up, 2 down, 1 straight.
    public static readonly string[] PathLabels = ["up", "up", "up", "down", "down", "straight"];
    public static readonly double[] EKra = [0.30, 0.35, 0.40, 0.55, 0.60, 0.80];

    private static Table Hops()
    {
        var b = new TableBuilder()
            .Add("calc_id", ColumnType.String).Add("n_images", ColumnType.Int64).Add("energies", ColumnType.Float64List)
            .Add("e_forward", ColumnType.Float64).Add("e_backward", ColumnType.Float64).Add("e_reaction", ColumnType.Float64)
            .Add("e_kra", ColumnType.Float64).Add("moving_species", ColumnType.String).Add("climbing", ColumnType.Bool)
            .Add("species", ColumnType.StringList);
        for (int i = 0; i < EKra.Length; i++)
        {
            double dE = 0.02 * i;
            b.AddRow($"neb/hop_{i:D4}", 5L, new[] { 0.0, EKra[i], dE }, EKra[i] + dE / 2, EKra[i] - dE / 2, dE, EKra[i], "Li", i % 2 == 0,
                new[] { "Li", "V", "O", "F" });
        }
        return b.Build();
    }

    private static Table Rejected() => new TableBuilder()
        .Add("calc_id", ColumnType.String).Add("reason", ColumnType.String).Add("file", ColumnType.String).Add("line", ColumnType.Int64)
        .With(b => b.AddRow("neb/hop_0100", "missing_file: no OUTCAR in image 03", "neb/hop_0100/03/OUTCAR", 0L))
        .With(b => b.AddRow("neb/hop_0101", "missing_file: no OUTCAR in image 02", "neb/hop_0101/02/OUTCAR", 0L))
        .With(b => b.AddRow(HostileCalcId, "moving ion is V & not <Li>", "neb/x/00/POSCAR", 7L))
        .Build();

    private static Table Features()
    {
        var b = new TableBuilder()
            .Add("calc_id", ColumnType.String).Add("gate_tm_up", ColumnType.Float64).Add("path_label", ColumnType.String)
            .Add("e_forward", ColumnType.Float64).Add("e_kra", ColumnType.Float64).Add("x", ColumnType.Float64);
        for (int i = 0; i < EKra.Length; i++)
            b.AddRow($"neb/hop_{i:D4}", (double)(i % 3), PathLabels[i], EKra[i] + 0.01 * i, EKra[i], 0.3);
        return b.Build();
    }

    // Wide form as fit-barriers writes it: 5 of 6 on the diagonal.
    private static Table ClassifierMetrics() => new TableBuilder()
        .Add("true_label", ColumnType.String).Add("n", ColumnType.Int64)
        .Add("predicted_up", ColumnType.Int64).Add("predicted_down", ColumnType.Int64).Add("predicted_straight", ColumnType.Int64)
        .Add("folds", ColumnType.Int64).Add("trainer", ColumnType.String)
        .With(b => b.AddRow("up", 3L, 3L, 0L, 0L, 5L, "LbfgsMaximumEntropy"))
        .With(b => b.AddRow("down", 2L, 1L, 1L, 0L, 5L, "LbfgsMaximumEntropy"))
        .With(b => b.AddRow("straight", 1L, 0L, 0L, 1L, 5L, "LbfgsMaximumEntropy"))
        .Build();

    private static Table Metrics() => new TableBuilder()
        .Add("model", ColumnType.String).Add("evaluation", ColumnType.String).Add("rmse", ColumnType.Float64)
        .With(b => b.AddRow("kra", "cv", 0.0421))
        .With(b => b.AddRow("forward", "cv", 0.0517))
        .Build();

    // validate's columns: model, feature, coef_physical, ci_low_physical, ci_high_physical, ...
    private static Table Coefficients() => new TableBuilder()
        .Add("model", ColumnType.String).Add("feature", ColumnType.String).Add("coef_standardized", ColumnType.Float64)
        .Add("coef_physical", ColumnType.Float64).Add("ci_low_physical", ColumnType.Float64).Add("ci_high_physical", ColumnType.Float64)
        .Add("selected_fraction", ColumnType.Float64)
        .With(b => b.AddRow("kra", "(intercept)", 0.5, 0.31, 0.28, 0.34, 1.0))
        .With(b => b.AddRow("kra", "gate_tm_up", 0.11, 0.25, 0.21, 0.29, 1.0))
        .With(b => b.AddRow("kra", "dumbbell_f", 0.0, 0.0, -0.01, 0.02, 0.4))
        .Build();

    // ce-fit's long layout: section metric / eci / structure.
    private static Table CeMetrics() => new TableBuilder()
        .Add("section", ColumnType.String).Add("name", ColumnType.String).Add("value", ColumnType.Float64)
        .Add("fitted", ColumnType.Float64).Add("truth", ColumnType.Float64).Add("orbit", ColumnType.Int64)
        .Add("decoration", ColumnType.String)
        .With(b => b.AddRow("metric", "cv_rmse_mev_per_fu", 12.3, double.NaN, double.NaN, -1L, ""))
        .With(b => b.AddRow("eci", "pair_1", 0.033, double.NaN, 0.03, 1L, "0,0"))
        .With(b => b.AddRow("structure", "sp/sp_0001", -10.0, -10.01, -10.005, -1L, ""))
        .With(b => b.AddRow("structure", "sp/sp_0002", -11.0, -10.98, -10.995, -1L, ""))
        .Build();

    public static readonly double[] Temperatures = [300, 400, 500];

    public static double Diffusivity(double t) => KmcPrefactor * Math.Exp(-KmcActivationEnergy / (BoltzmannEvPerK * t));

    // The kmc stage's summary layout: <name>_mean / <name>_stderr per quantity, its own Arrhenius fit per x.
    private static Table KmcSummary()
    {
        var b = new TableBuilder()
            .Add("x", ColumnType.Float64).Add("temperature", ColumnType.Float64).Add("runs", ColumnType.Int64)
            .Add("d_tracer_cm2_s_mean", ColumnType.Float64).Add("d_tracer_cm2_s_stderr", ColumnType.Float64)
            .Add("d_jump_cm2_s_mean", ColumnType.Float64).Add("d_jump_cm2_s_stderr", ColumnType.Float64)
            .Add("haven_ratio_mean", ColumnType.Float64).Add("haven_ratio_stderr", ColumnType.Float64)
            .Add("conductivity_s_cm_mean", ColumnType.Float64).Add("conductivity_s_cm_stderr", ColumnType.Float64)
            .Add("percolating_fraction", ColumnType.Float64)
            .Add("li_fraction_spanning_mean", ColumnType.Float64).Add("li_fraction_spanning_stderr", ColumnType.Float64)
            .Add("arrhenius_ea_tracer_ev", ColumnType.Float64).Add("arrhenius_ea_tracer_err_ev", ColumnType.Float64)
            .Add("arrhenius_d0_tracer_cm2_s", ColumnType.Float64).Add("arrhenius_d0_tracer_err_cm2_s", ColumnType.Float64)
            .Add("arrhenius_points", ColumnType.Int64).Add("mystery_column", ColumnType.Float64);
        foreach (var t in Temperatures)
        {
            b.AddRow(0.3, t, 2L, Diffusivity(t), 0.1 * Diffusivity(t), 2 * Diffusivity(t), double.NaN, 0.5, double.NaN,
                1e-2 * Diffusivity(t) / Diffusivity(300), double.NaN, 1.0, 0.875, 0.025,
                0.351, 0.004, 1.1e-3, 1e-4, 3L, 42.5);
        }
        return b.Build();
    }

    // The kmc stage's per-run layout (a subset of its columns).
    private static Table KmcResults()
    {
        var b = new TableBuilder()
            .Add("x", ColumnType.Float64).Add("temperature", ColumnType.Float64).Add("seed", ColumnType.Int64)
            .Add("d_tracer_cm2_s", ColumnType.Float64).Add("percolating", ColumnType.Bool);
        foreach (var t in Temperatures)
        {
            b.AddRow(0.3, t, 1L, 0.9 * Diffusivity(t), true);
            b.AddRow(0.3, t, 2L, 1.1 * Diffusivity(t), false);
        }
        return b.Build();
    }

    private static byte[] Svg() => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>"u8.ToArray();

    private const string ModelKraJson = """
{"schema":"barrier-model/1","target":"e_kra","features":["gate_tm_up","dumbbell_f"],
 "scaler":{"mean":[1,0.5],"std":[0.8,0.5]},"intercept":0.5,"coef_standardized":[0.11,0.0],
 "intercept_physical":0.31,"coef_physical":[0.25,0.0],"alpha":0.01,"alphas":[0.1,0.01,0.001],
 "mse_path_mean":[0.02,0.0018,0.0019],"settings":{"cv":5,"n_alphas":3,"eps":0.001,"tol":0.0001,"max_iter":1000},
 "cv_rmse":0.0424,"training_data_hash":"tr41n1ngh45h","tool_version":"0.1.0+test","created_utc":"2025-01-01T00:00:00Z"}
""";

    private const string ModelForwardJson = """
{"schema":"barrier-model/1","target":"e_forward","features":["gate_tm_up","delta_e"],
 "scaler":{"mean":[1,0.0],"std":[0.8,0.2]},"settings":{"cv":5,"n_alphas":2,"eps":0.001,"tol":0.0001,"max_iter":1000},"intercept":0.5,
 "coef_standardized":[0.1,0.2],"intercept_physical":0.33,"coef_physical":[0.22,0.5],"alpha":0.02,
 "alphas":[0.2,0.02],"mse_path_mean":[0.03,0.0027],"cv_rmse":0.0519,"training_data_hash":"tr41n1ngh45h",
 "tool_version":"0.1.0+test","created_utc":"2025-01-01T00:00:00Z"}
""";

    // Shaped like ce-fit's CeModelFile output.
    private const string EciJson = """
{"schema":"ce-model/1","lattice_constant":4.1,"cutoffs":[1.5,1.2],
 "units":{"eci":"eV per cluster"},"sublattices":[{"name":"cation","species":["Vac","Li","V"]},{"name":"anion","species":["O","F"]}],
 "basis":"trigonometric, orthonormal over each sublattice's species","energy":"E_total = N_cells * (j0 + ...)","j0":-1.25,
 "orbits":[{"index":0,"order":1,"sites":[{"position":[0,0,0],"sublattice":"cation"}],"diameter":0,"multiplicity":1,
            "clusters_per_site":{"cation":1,"anion":0},"decorations":[{"functions":[0],"class_size":1,"eci":0.4},{"functions":[1],"class_size":1,"eci":-0.1}]},
           {"index":1,"order":2,"sites":[{"position":[0,0,0],"sublattice":"cation"},{"position":[1,1,0],"sublattice":"cation"}],"diameter":0.7071,"multiplicity":6,
            "clusters_per_site":{"cation":6,"anion":0},"decorations":[{"functions":[0,0],"class_size":1,"eci":0.033}]}],
 "fit":{"method":"lasso-cv","metrics":{"cv_rmse_ev_per_fu":0.0123,"n_structures":40},"provenance":{"training_data_hash":"abc"}}}
""";

    public const string TruthYaml = """
seed: 1234
kra_linear:
  intercept: 0.30
  coefficients:
    gate_tm_up: 0.20
    dumbbell_f: 0.0
  r2: 0.9312
  rmse: 0.0211
forward_linear:
  intercept: 0.35
  coefficients:
    gate_tm_up: 0.20
    delta_e: 0.5
ce:
  point: {Li: -1.0, V: -2.0, Vac: 0.0, O: -0.5, F: -0.7}
  pairs:
    - {shell: 1, sublattices: cation-cation, a: Li, b: V, energy: 0.05}
noise:
  barrier_sigma: 0.02
path_fractions: {up: 0.45, down: 0.35, straight: 0.2}
faults:
  - {calc_id: neb/hop_0100, kind: truncated-outcar, file: neb/hop_0100/03/OUTCAR}
  - {calc_id: neb/hop_0102, kind: missing-image, file: neb/hop_0102/02}
hops:
  - {calc_id: neb/hop_0000, x: 0.3, path: up, e_kra: 0.31, e_forward: 0.31}
  - {calc_id: neb/hop_0001, x: 0.3, path: up, e_kra: 0.35, e_forward: 0.36}
  - {calc_id: neb/hop_0002, x: 0.3, path: up, e_kra: 0.40, e_forward: 0.42}
  - {calc_id: neb/hop_0003, x: 0.3, path: down, e_kra: 0.55, e_forward: 0.58}
  - {calc_id: neb/hop_0004, x: 0.3, path: down, e_kra: 0.60, e_forward: 0.64}
  - {calc_id: neb/hop_0005, x: 0.3, path: up, e_kra: 0.80, e_forward: 0.85}
""";
}

internal static class TableBuilderExtensions
{
    /// <summary>Lets a table be written as one expression: builder.With(b => b.AddRow(...)).Build().</summary>
    public static TableBuilder With(this TableBuilder builder, Action<TableBuilder> add)
    {
        add(builder);
        return builder;
    }
}
