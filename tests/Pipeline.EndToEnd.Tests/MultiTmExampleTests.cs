using System.Globalization;
using Pipeline.Cli;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The second bundled study (examples/limntio: Li(1.2-x)Mn0.4Ti0.4O1.8F0.2, two TM elements, element-resolved
/// descriptors) from raw synthesized VASP output through validate. Oracle: the planted truth's per-element linear
/// projection (truth.yaml), not our own earlier output. LassoCV on the element set must recover each TM element's
/// gate effect on the up tetrahedron within its bootstrap CI, and tell Ti from Mn. The CE and kMC of the example run
/// in the full example (a few minutes), not here.</summary>
public sealed class MultiTmExampleTests : IDisposable
{
    private static readonly string RepoRoot = RepoPaths.Root;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "pipeline-limntio", Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Element_resolved_lasso_recovers_each_TM_gate_effect_within_its_bootstrap_CI()
    {
        Directory.CreateDirectory(_workspace);
        File.Copy(Path.Combine(RepoRoot, "examples", "limntio", "pipeline.yaml"), Path.Combine(_workspace, "pipeline.yaml"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandTree.Invoke(["-C", _workspace, "run", "validate"], Modules.All, stdout, stderr);
        Assert.True(code == 0, $"pipeline run validate exited {code}\n{stdout}\n{stderr}");
        Assert.Contains("chemistry Li-Mn-Ti-O-F", stdout.ToString());

        var csv = new StringWriter();
        code = CommandTree.Invoke(["-C", _workspace, "export", "validate.coefficients", "--format", "csv"], Modules.All, csv, stderr);
        Assert.True(code == 0, $"export exited {code}\n{stderr}");
        var rows = Rows(csv.ToString());

        foreach (var model in new[] { "forward", "kra" })
        {
            foreach (var tm in new[] { "Mn", "Ti" })
            {
                var row = rows.Single(r => r["model"] == model && r["feature"] == $"gate_{tm}_up");
                double fitted = D(row["coef_physical"]), truth = D(row["truth"]);
                double low = D(row["ci_low_physical"]), high = D(row["ci_high_physical"]);
                Assert.True(low <= truth && truth <= high,
                    $"{model} gate_{tm}_up: truth {truth} eV outside the bootstrap CI [{low}, {high}] (fitted {fitted})");
            }
            var mn = rows.Single(r => r["model"] == model && r["feature"] == "gate_Mn_up");
            var ti = rows.Single(r => r["model"] == model && r["feature"] == "gate_Ti_up");
            // The planted Ti gate costs more than the Mn gate; the fit must say so with non-overlapping CIs.
            Assert.True(D(ti["ci_low_physical"]) > D(mn["ci_high_physical"]),
                $"{model}: Ti gate CI [{ti["ci_low_physical"]}, {ti["ci_high_physical"]}] overlaps Mn gate CI [{mn["ci_low_physical"]}, {mn["ci_high_physical"]}]");
        }
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try { Directory.Delete(_workspace, recursive: true); }
        catch (IOException) { }
    }
}
