using Pipeline.Abstractions;
using Pipeline.Report.Science;

namespace Pipeline.Report.Tests;

/// <summary>The headline numbers, the science warnings, the learning curve and the 300 K extrapolation, checked
/// against values planted in the inputs (an exact Arrhenius law, a known noise level, hand-made confusion matrices).</summary>
public class ReportScienceTests
{
    private static string Render(SmallRun run, IReadOnlyDictionary<string, string>? provenance = null)
    {
        var stage = new ReportStage();
        var ctx = provenance is null ? run.Context(stage)
            : new Fakes.FakeStageContext(stage, run.Tables, run.Paths, run.Hashes, run.OutputDirectory, provenance);
        stage.Run(ctx);
        return File.ReadAllText(ctx.OutputFilePath("report"));
    }

    [Fact]
    public void Headline_states_models_ce_and_per_composition_transport_with_units()
    {
        using var run = SmallRun.Full();
        var headline = ReportHtml.Section(Render(run), "headline");

        // validate's outer CV (metrics table: kra cv 0.0421) first, LassoCV's own (model file: 0.0424) beside it.
        Assert.Contains("keeps 1 of 2 descriptors; cross-validated RMSE 0.0421 eV (validate&#39;s outer CV, scaler refit per fold; LassoCV&#39;s own estimate 0.0424 eV).", headline);
        Assert.Contains("gate_tm_up +0.25 eV per unit (+0.11 eV per s.d.), CI [0.21, 0.29]", headline);
        Assert.Contains("cross-validated RMSE 12.3 meV per formula unit over 2 DFT structures.", headline);
        // The kMC summary follows D = D0 exp(-0.35 eV / kT) exactly at 300, 400 and 500 K, so the fit returns 0.35 eV
        // and D* at 300 K is the planted value.
        Assert.Contains("<strong>x = 0.3:</strong>", headline);
        Assert.Matches(@"E_a\(D\*\) = 0\.350+ &#177; 0\.0\d+ eV from 3 temperatures \(300–500 K\)", headline);
        Assert.Contains($"D* = {Pipeline.Report.Html.Format.Number(SmallRun.Diffusivity(300))} (1σ range", headline);
        Assert.Contains("cm^2/s", headline);
        Assert.Contains("Haven ratio 0.5", headline);
        Assert.Contains("the 0-TM network percolates in every starting configuration, 87.5 % of Li in the spanning cluster", headline);
        // 6 hops for 2 descriptors: flagged in the headline and in the fits section.
        Assert.Contains("fits 2 descriptors on 6 hops, fewer than 10 hops per descriptor (20 needed)", headline);
    }

    [Fact]
    public void Headline_comes_first_and_says_what_is_missing()
    {
        using var run = new SmallRun();
        var html = Render(run);
        Assert.Equal("headline", ReportHtml.Sections(html)[0].Id);
        var headline = ReportHtml.Section(html, "headline");
        Assert.Contains("Barrier models:</strong> not part of this run (inputs model_kra, model_forward not connected).", headline);
        Assert.Contains("Transport (kMC):</strong> not part of this run", headline);
    }

    [Fact]
    public void Low_recall_a_coefficient_interval_across_zero_and_a_curved_msd_are_flagged_where_they_belong()
    {
        using var run = SmallRun.Full();
        run.AddTable("classifier_metrics", new TableBuilder()
            .Add("true_label", ColumnType.String).Add("predicted_up", ColumnType.Int64).Add("predicted_down", ColumnType.Int64).Add("predicted_straight", ColumnType.Int64)
            .With(b => b.AddRow("up", 170L, 2L, 9L)).With(b => b.AddRow("down", 18L, 1L, 0L)).With(b => b.AddRow("straight", 5L, 0L, 28L)).Build());
        run.AddTable("coefficients", new TableBuilder()
            .Add("model", ColumnType.String).Add("feature", ColumnType.String).Add("coef_physical", ColumnType.Float64)
            .Add("ci_low_physical", ColumnType.Float64).Add("ci_high_physical", ColumnType.Float64)
            .With(b => b.AddRow("kra", "gate_tm_up", 0.25, 0.21, 0.29))
            .With(b => b.AddRow("kra", "apex_f_down", 0.003, -0.003, 0.009))
            .With(b => b.AddRow("kra", "dumbbell_f", 0.0, -0.01, 0.02)).Build());
        // Two runs: MSD = 2 t (diffusive) and MSD = t^2 (still accelerating: slope ratio 3 between the halves).
        var msd = new TableBuilder().Add("x", ColumnType.Float64).Add("temperature", ColumnType.Float64).Add("seed", ColumnType.Int64)
            .Add("time_s", ColumnType.Float64).Add("msd_tracer_a2", ColumnType.Float64);
        for (int k = 0; k <= 10; k++)
        {
            msd.AddRow(0.3, 500.0, 1L, (double)k, 2.0 * k);
            msd.AddRow(0.3, 500.0, 2L, (double)k, (double)k * k);
        }
        run.AddTable("kmc_msd", msd.Build());
        var html = Render(run);

        var headline = ReportHtml.Section(html, "headline");
        Assert.Contains("barely predicts &#39;down&#39; hops: recall 5.3 % (1 of 19 recovered in cross-validation)", headline);
        Assert.DoesNotContain("barely predicts &#39;up&#39;", headline);
        Assert.Contains("apex_f_down (0.003, CI [-0.003, 0.009])", headline);
        Assert.DoesNotContain("dumbbell_f (0,", headline);   // zero coefficients are not claimed to have a sign
        Assert.Contains("1 of 2 kMC runs have an MSD that is not yet linear", headline);
        Assert.Contains("x = 0.3, T = 500 K, seed 2", headline);
        Assert.Contains("<p class=\"warning\">Warning: The path classifier barely predicts", ReportHtml.Section(html, "fits"));
        Assert.Contains("<p class=\"warning\">Warning: 1 of 2 kMC runs", ReportHtml.Section(html, "kmc"));
        Assert.Contains("id=\"fig-forest-kra\"", ReportHtml.Section(html, "fits"));
    }

    [Fact]
    public void A_dataset_without_truth_and_with_one_path_type_renders_and_says_why_parts_are_missing()
    {
        using var full = SmallRun.Full();
        using var run = new SmallRun();
        foreach (var port in new[] { "hops", "rejected", "coefficients", "metrics", "ce_metrics", "kmc_summary", "kmc_results" })
            run.AddTable(port, full.Tables[port]);
        var features = full.Tables["features"];
        run.AddTable("features", new Table(features.Columns.Select(c => c.Name == "path_label"
            ? Column.Of("path_label", Enumerable.Repeat("straight", features.RowCount).ToArray()) : c)));
        run.AddTable("classifier_metrics", new TableBuilder().Add("skipped_reason", ColumnType.String).Add("trainer", ColumnType.String)
            .With(b => b.AddRow("the dataset has 1 path type(s) (straight) in 6 hops; a path classifier needs at least two", "LbfgsMaximumEntropy")).Build());
        run.AddFile("model_kra", "model-kra.json", File.ReadAllText(full.Paths["model_kra"]));
        var stage = new ReportStage();
        var ctx = run.Context(stage);
        stage.Run(ctx);
        var html = File.ReadAllText(ctx.OutputFilePath("report"));

        Assert.Empty(ctx.Warnings);
        Assert.Contains("Truth comparison: not part of this run (inputs truth not connected).", ReportHtml.Section(html, "truth"));
        var fits = ReportHtml.Section(html, "fits");
        Assert.Contains("The path classifier was not trained: the dataset has 1 path type(s) (straight) in 6 hops", fits);
        Assert.Contains("The path classifier was not trained", ReportHtml.Section(html, "headline"));
        var dataset = ReportHtml.Section(html, "dataset");
        Assert.Contains("id=\"fig-neb-profiles\"", dataset);
        Assert.Contains("<td>straight</td><td class=\"num\">6</td><td class=\"num\">100 %</td>", dataset);
        Assert.Contains("Whether each run&#39;s MSD is linear in time (diffusive) is not checked: input kmc_msd is not connected.", ReportHtml.Section(html, "kmc"));
    }

    [Fact]
    public void Clock_readings_never_reach_the_report_and_two_renders_are_byte_identical()
    {
        using var run = SmallRun.Full();
        var provenance = new Dictionary<string, string>(SmallRun.RunProvenance)
        {
            ["created_utc"] = "2026-12-03T03:00:00.123Z",
            ["pipeline.started_utc"] = "2026-12-03T02:59:58.000Z",
            ["duration_s"] = "1.55",
        };
        run.Tables["hops"].Metadata["pipeline.created_utc"] = "2026-12-02T11:11:11.111Z";
        var first = Render(run, provenance);
        provenance["created_utc"] = "2027-01-01T00:00:00.000Z";
        var second = Render(run, provenance);

        Assert.Equal(first, second);
        Assert.DoesNotContain("2026-12-0", first);
        Assert.DoesNotContain("2025-01-01", first);   // model files' created_utc
        Assert.DoesNotContain("duration_s", first);
        Assert.Contains("<td>params_hash</td><td>r3p0rtp4r4m5</td>", first);
    }

    [Fact]
    public void Arrhenius_extrapolation_recovers_an_exact_law_and_its_standard_error_grows_away_from_the_data()
    {
        const double ea = 0.42, d0 = 2e-3;
        double[] t = [500, 600, 700, 800];
        var d = t.Select(x => d0 * Math.Exp(-ea / (ArrheniusExtrapolation.BoltzmannEvPerK * x))).ToArray();
        var fit = ArrheniusExtrapolation.Fit(t, d, d.Select(v => 0.05 * v).ToArray())!;

        Assert.Equal(ea, fit.ActivationEnergy, 10);
        var (log300, err300) = fit.At(300);
        Assert.Equal(Math.Log(d0) - ea / (ArrheniusExtrapolation.BoltzmannEvPerK * 300), log300, 9);
        var (_, err650) = fit.At(650);
        Assert.True(err300 > 3 * err650, $"error at 300 K {err300} should far exceed the error inside the data {err650}");
        // With 5 % error bars on every point, ln D at the centre of the data is known to about 0.05 / sqrt(4).
        Assert.InRange(err650, 0.02, 0.03);

        var two = ArrheniusExtrapolation.Fit([500, 600], [1e-8, 2e-8], null)!;
        Assert.True(double.IsNaN(two.ActivationEnergyError), "two points without error bars determine a line but not its uncertainty");
        Assert.Null(ArrheniusExtrapolation.Fit([500, 500], [1e-8, 2e-8], null));
    }

    [Fact]
    public void Learning_curve_refits_reach_the_planted_noise_level_and_fall_with_more_data()
    {
        // y = 0.3 + 0.2 x1 - 0.1 x2 + N(0, 0.05): a model can do no better than 0.05 eV on held-out hops.
        var rng = new Random(3);
        int n = 300;
        var x1 = Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, 4)).ToArray();
        var x2 = Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, 4)).ToArray();
        var noise = Enumerable.Range(0, n).Select(_ => 0.05 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
        var junk = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, 4)).ToArray()).ToList();
        var y = Enumerable.Range(0, n).Select(i => 0.3 + 0.2 * x1[i] - 0.1 * x2[i] + noise[i]).ToArray();
        var columns = new List<double[]> { x1, x2 };
        columns.AddRange(junk);

        var curve = LearningCurve.Compute("e_kra", Enumerable.Range(0, columns.Count).Select(i => "d" + i).ToList(), columns, y, CancellationToken.None)!;

        Assert.Equal(LearningCurve.Fractions.Length, curve.Points.Count);
        Assert.True(curve.Points.Zip(curve.Points.Skip(1)).All(p => p.Second.TrainingSize > p.First.TrainingSize));
        Assert.Equal(240, curve.Points[^1].TrainingSize);
        Assert.InRange(curve.Points[^1].TestRmse, 0.04, 0.062);
        Assert.True(curve.Points[0].TestRmse >= curve.Points[^1].TestRmse - 0.002, "more data should not make the held-out error worse");
        Assert.Null(LearningCurve.Compute("e_kra", ["a", "b"], [x1.Take(20).ToArray(), x2.Take(20).ToArray()], y.Take(20).ToArray(), CancellationToken.None));
    }
}
