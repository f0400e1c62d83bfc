using Pipeline.Report.Charts;
using Pipeline.Report.Inputs;
using Pipeline.Report.Sections;

namespace Pipeline.Report.Tests;

public class ReportPartsTests
{
    [Fact]
    public void Histogram_bins_count_every_finite_value_once_with_the_maximum_in_the_last_bin()
    {
        double[] a = [0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0];
        double[] b = [0.05, double.NaN, 1.0];
        var bins = new HistogramBins([a, b]);

        // sqrt(9 finite values) -> 3 bins, clamped up to 5 of width 0.2 on [0, 1].
        Assert.Equal(5, bins.BinCount);
        Assert.Equal(0.2, bins.Width, 12);
        Assert.Equal(1, bins.Skipped);
        Assert.Equal(a.Length, bins.Counts[0].Sum());
        Assert.Equal(2, bins.Counts[1].Sum());
        Assert.Equal([2, 1, 1, 1, 2], bins.Counts[0]);
        Assert.Equal([1, 0, 0, 0, 1], bins.Counts[1]);
    }

    [Fact]
    public void Arrhenius_fit_recovers_a_constant_barrier()
    {
        // DOMAIN.md section 7 oracle: constant barrier Eb -> the Arrhenius fit returns Eb.
        const double eb = 0.42, d0 = 3e-4;
        double[] t = [250, 300, 400, 600, 900];
        var d = t.Select(T => d0 * Math.Exp(-eb / (8.617333262e-5 * T))).ToArray();
        var fit = Pipeline.Report.Science.ArrheniusExtrapolation.Fit(t, d, null)!;
        Assert.Equal(eb, fit.ActivationEnergy, 10);
        Assert.Equal(d0, Math.Exp(fit.Intercept), 12);
        Assert.Equal(5, fit.Points);
        Assert.Equal(Math.Log(d0 * Math.Exp(-eb / (8.617333262e-5 * 300))), fit.At(300).LogValue, 9);
        Assert.Null(Pipeline.Report.Science.ArrheniusExtrapolation.Fit([300, 300], [1e-9, 2e-9], null));
    }

    [Fact]
    public void Runs_are_averaged_with_the_standard_error_of_the_mean()
    {
        var (mean, error) = KmcObservables.MeanAndStandardError([1.0, 2.0, 3.0, 6.0]);
        Assert.Equal(3.0, mean);
        // sample variance (4 + 1 + 0 + 9) / 3 = 14/3; SEM = sqrt(14/3 / 4).
        Assert.Equal(Math.Sqrt(14.0 / 12.0), error, 14);
        Assert.True(double.IsNaN(KmcObservables.MeanAndStandardError([5.0]).Error));
    }

    [Theory]
    [InlineData("pipeline.stage", "stage")]
    [InlineData("pipeline.params_hash", "paramshash")]
    [InlineData("tool-version", "toolversion")]
    [InlineData("prov:Stage_Name", "stagename")]
    public void Provenance_keys_are_matched_by_meaning(string key, string normalized) =>
        Assert.Equal(normalized, ProvenanceKeys.Normalize(key));

    [Fact]
    public void A_malformed_model_file_costs_only_the_sections_that_read_it()
    {
        using var run = SmallRun.Full();
        File.WriteAllText(run.Paths["model_kra"], "{\"schema\": \"barrier-model/1\", \"features\": [");
        var stage = new ReportStage();
        var ctx = run.Context(stage);
        stage.Run(ctx);
        var html = File.ReadAllText(ctx.OutputFilePath("report"));

        Assert.Contains("This section could not be rendered", ReportHtml.Section(html, "fits"));
        Assert.Contains("model-kra.json: not valid JSON", ReportHtml.Section(html, "fits"));
        Assert.DoesNotContain("could not be rendered", ReportHtml.Section(html, "dataset"));
        Assert.Contains("unreadable=", ReportHtml.Section(html, "provenance"));
        Assert.Contains(ctx.Warnings, w => w.Contains("'fits'") && w.Contains("model-kra.json"));
    }
}
