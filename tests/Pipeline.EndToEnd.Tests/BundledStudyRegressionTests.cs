using System.Text.Json.Nodes;
using Pipeline.Cli;

namespace Pipeline.EndToEnd.Tests;

/// <summary>CI's guard against drift of the published-style fit: reruns the bundled pipeline.yaml from raw data
/// (synthesize -> ingest -> featurize -> standardize -> fit) and compares both barrier models' coefficients with
/// the committed golden file, within a stated tolerance. Also checks the fit against the dataset's ground truth,
/// an oracle that does not come from our own earlier output.
/// Regenerate the golden file deliberately (after a reviewed change) with PIPELINE_UPDATE_GOLDEN=1.</summary>
public sealed class BundledStudyRegressionTests : IDisposable
{
    /// <summary>Coefficients in eV per count; a change above this is a real change of the fit, not round-off.</summary>
    private const double Tolerance = 1e-6;

    private static readonly string RepoRoot = RepoPaths.Root;
    private static readonly string GoldenPath = Path.Combine(RepoRoot, "tests", "Pipeline.EndToEnd.Tests", "Golden", "bundled-coefficients.json");
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "pipeline-golden", Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Bundled_fit_reproduces_the_golden_coefficients_and_recovers_the_truth()
    {
        Directory.CreateDirectory(_workspace);
        File.Copy(Path.Combine(RepoRoot, "pipeline.yaml"), Path.Combine(_workspace, "pipeline.yaml"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandTree.Invoke(["-C", _workspace, "run", "fit"], Modules.All, stdout, stderr);
        Assert.True(code == 0, $"pipeline run fit exited {code}\n{stdout}\n{stderr}");

        var actual = new JsonObject
        {
            ["model_forward"] = Summary(Path.Combine(_workspace, "out", "fit", "model-forward.json")),
            ["model_kra"] = Summary(Path.Combine(_workspace, "out", "fit", "model-kra.json")),
        };

        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_GOLDEN") == "1")
            File.WriteAllText(GoldenPath, actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");

        Assert.True(File.Exists(GoldenPath), $"golden file {GoldenPath} is missing; create it with PIPELINE_UPDATE_GOLDEN=1");
        var golden = JsonNode.Parse(File.ReadAllText(GoldenPath))!.AsObject();
        var drift = new List<string>();
        foreach (var model in new[] { "model_forward", "model_kra" })
            Compare(model, golden[model]!.AsObject(), actual[model]!.AsObject(), drift);
        Assert.True(drift.Count == 0, "coefficients drifted beyond " + Tolerance + " eV:\n" + string.Join("\n", drift));

        // Oracle: the synthetic truth's linear projection (truth.yaml kra_linear / forward_linear, computed by the
        // generator from 20000 noise-free hops) is what the LassoCV fit on ~230 noisy hops should approach.
        var truth = Pipeline.Contracts.TruthDocument.Load(Path.Combine(_workspace, "out", "synth", "truth.yaml"));
        foreach (var (model, key) in new[] { ("model_kra", "kra_linear"), ("model_forward", "forward_linear") })
        {
            var fitted = actual[model]!["coef_physical"]!.AsObject();
            foreach (var (name, value) in (key == "kra_linear" ? truth.KraLinear : truth.ForwardLinear)!.Coefficients)
                Assert.True(Math.Abs(fitted[name]!.GetValue<double>() - value) < 0.03,
                    $"{model}.{name}: fitted {fitted[name]} eV vs truth {value} eV (tolerance 0.03 eV per count)");
        }
    }

    private static JsonObject Summary(string modelPath)
    {
        var model = JsonNode.Parse(File.ReadAllText(modelPath))!.AsObject();
        var names = model["features"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        var coef = model["coef_physical"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        var coefs = new JsonObject();
        for (int i = 0; i < names.Length; i++) coefs[names[i]] = Math.Round(coef[i], 9);
        return new JsonObject
        {
            ["alpha"] = Math.Round(model["alpha"]!.GetValue<double>(), 12),
            ["intercept_physical"] = Math.Round(model["intercept_physical"]!.GetValue<double>(), 9),
            ["coef_physical"] = coefs,
        };
    }

    private static void Compare(string model, JsonObject golden, JsonObject actual, List<string> drift)
    {
        void Check(string name, double g, double a)
        {
            if (Math.Abs(g - a) > Tolerance) drift.Add($"{model}.{name}: golden {g:R}, now {a:R}");
        }
        Check("intercept_physical", golden["intercept_physical"]!.GetValue<double>(), actual["intercept_physical"]!.GetValue<double>());
        double ga = golden["alpha"]!.GetValue<double>(), aa = actual["alpha"]!.GetValue<double>();
        if (Math.Abs(ga - aa) > 1e-9 * Math.Max(1, Math.Abs(ga))) drift.Add($"{model}.alpha: golden {ga:R}, now {aa:R}");
        var gc = golden["coef_physical"]!.AsObject();
        var ac = actual["coef_physical"]!.AsObject();
        foreach (var (name, value) in gc)
        {
            if (!ac.ContainsKey(name)) { drift.Add($"{model}.{name}: missing now"); continue; }
            Check(name, value!.GetValue<double>(), ac[name]!.GetValue<double>());
        }
        foreach (var (name, _) in ac)
            if (!gc.ContainsKey(name)) drift.Add($"{model}.{name}: new feature not in the golden file");
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, recursive: true); }
        catch (IOException) { }
    }
}
