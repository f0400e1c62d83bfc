using Pipeline.Fitting.Regression;
using System.Globalization;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Fitting.Stages;
using Pipeline.Fitting.Tests.Support;

namespace Pipeline.Fitting.Tests;

public class ValidateStageTests
{
    [Fact]
    public void Reports_metrics_plots_and_truth_coverage()
    {
        var table = SyntheticFeatures.Create(240, seed: 21, noise: 0.02);
        var fit = new FitBarriersStage();
        using var fitCtx = new TestStageContext(fit);
        var scalerPath = Path.Combine(fitCtx.OutputDirectory, "scaler.json");
        ScalerFile.Save(ScalerFit.Fit(DescriptorNames.All, DescriptorNames.All.Select(table.Doubles).ToList(), "t"), scalerPath);
        fitCtx.WithTable("features", table).WithPath("scaler", scalerPath);
        fit.Run(fitCtx);

        var truthPath = Path.Combine(fitCtx.OutputDirectory, "truth.yaml");
        File.WriteAllText(truthPath, TruthYaml());

        var validate = new ValidateStage();
        using var ctx = new TestStageContext(validate, new Dictionary<string, object>
        {
            ["holdout_fraction"] = 0.25, ["bootstrap"] = 60L,
        });
        ctx.WithTable("features", table).WithPath("scaler", scalerPath).WithPath("truth", truthPath)
            .WithPath("model_forward", fitCtx.OutputFilePath("model_forward"))
            .WithPath("model_kra", fitCtx.OutputFilePath("model_kra"));
        validate.Run(ctx);

        var metrics = ctx.WrittenTables["metrics"];
        Assert.Equal(6, metrics.RowCount); // 2 models x (train, cv, holdout)
        var rmse = metrics.Doubles("rmse");
        var evaluation = metrics.Strings("evaluation");
        for (int i = 0; i < metrics.RowCount; i++)
        {
            // Noise sigma is 0.02 eV: every honest RMSE must be close to it.
            Assert.InRange(rmse[i], 0.012, 0.03);
            if (evaluation[i] == "holdout")
                Assert.Equal(60, metrics.Longs("n")[i]);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(ctx.OutputFilePath("metrics_json")));
        double cvRmse = json.RootElement.GetProperty("kra").GetProperty("cv").GetProperty("rmse").GetDouble();
        Assert.Equal(rmse[Array.FindIndex(evaluation, e => e == "cv") + 3], cvRmse);

        var coefficients = ctx.WrittenTables["coefficients"];
        Assert.Equal(2 + 11 + 10, coefficients.RowCount);
        var inside = coefficients.Bools("truth_inside_ci");
        var low = coefficients.Doubles("ci_low_physical");
        var high = coefficients.Doubles("ci_high_physical");
        Assert.All(Enumerable.Range(0, low.Length), i => Assert.True(low[i] <= high[i]));
        // 95 % intervals: nearly all of the 23 truth values are covered.
        Assert.True(inside.Count(b => b) >= 19, $"only {inside.Count(b => b)} of 23 truth values inside their CI");

        // Without a truth the coefficients table has the same columns: truth NaN, truth_inside_ci false.
        using var bare = new TestStageContext(validate, new Dictionary<string, object> { ["bootstrap"] = 10L });
        bare.WithTable("features", table).WithPath("scaler", scalerPath)
            .WithPath("model_forward", fitCtx.OutputFilePath("model_forward"))
            .WithPath("model_kra", fitCtx.OutputFilePath("model_kra"));
        validate.Run(bare);
        var bareCoefficients = bare.WrittenTables["coefficients"];
        Assert.Equal(coefficients.Columns.Select(c => c.Name), bareCoefficients.Columns.Select(c => c.Name));
        Assert.All(bareCoefficients.Doubles("truth"), v => Assert.True(double.IsNaN(v)));
        Assert.DoesNotContain(true, bareCoefficients.Bools("truth_inside_ci"));

        var plots = Directory.GetFiles(ctx.OutputDirectoryPath("plots")).Select(Path.GetFileName).Order().ToArray();
        foreach (var name in new[] { "parity", "residual", "lasso_path", "cv_curve" })
            foreach (var model in new[] { "forward", "kra" })
            {
                Assert.Contains($"{name}_{model}.png", plots);
                Assert.Contains($"{name}_{model}.svg", plots);
            }
        var png = File.ReadAllBytes(Path.Combine(ctx.OutputDirectoryPath("plots"), "parity_kra.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.DoesNotContain(ctx.Messages, m => m.StartsWith("warn"));
    }

    /// <summary>The generating model of SyntheticFeatures: the truth the fitted coefficients must cover.</summary>
    private static string TruthYaml()
    {
        string Coefs(bool forward) => string.Join("\n", DescriptorNames.All.Select((n, j) =>
            $"    {n}: {(j < 10 ? SyntheticFeatures.KraCoefficients[j] : forward ? 0.5 : 0.0).ToString(CultureInfo.InvariantCulture)}"));
        return $"""
            kra_linear:
              intercept: {SyntheticFeatures.KraIntercept.ToString(CultureInfo.InvariantCulture)}
              coefficients:
            {Coefs(false)}
            forward_linear:
              intercept: {SyntheticFeatures.KraIntercept.ToString(CultureInfo.InvariantCulture)}
              coefficients:
            {Coefs(true)}
            """;
    }
}
