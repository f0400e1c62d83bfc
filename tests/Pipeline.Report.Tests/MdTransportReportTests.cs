using Pipeline.Abstractions;

namespace Pipeline.Report.Tests;

/// <summary>The md-transport section: small hand-made md-transport tables (padded to their contracts like the other
/// inputs) render with the right numbers, the kMC-vs-MD comparison needs both sides, and a run without MD inputs
/// reads exactly as before these ports existed.</summary>
public class MdTransportReportTests
{
    private static (string Html, Fakes.FakeStageContext Context) Render(SmallRun run)
    {
        var stage = new ReportStage();
        var ctx = run.Context(stage);
        stage.Run(ctx);
        return (File.ReadAllText(ctx.OutputFilePath("report")), ctx);
    }

    /// <summary>Two runs: 600 K diffusive; 900 K flagged (log-log slope 0.62, 3 points in the window), with a hostile
    /// file name.</summary>
    private static Table Observables() => new TableBuilder()
        .Add("run", ColumnType.Int64).Add("file", ColumnType.String).Add("temperature_k", ColumnType.Float64)
        .Add("frames", ColumnType.Int64).Add("ions", ColumnType.Int64).Add("blocks", ColumnType.Int64)
        .Add("fit_start_ps", ColumnType.Float64).Add("fit_end_ps", ColumnType.Float64).Add("fit_points", ColumnType.Int64)
        .Add("d_tracer_cm2_s", ColumnType.Float64).Add("d_tracer_err_cm2_s", ColumnType.Float64)
        .Add("d_sigma_cm2_s", ColumnType.Float64).Add("d_sigma_err_cm2_s", ColumnType.Float64)
        .Add("d_distinct_cm2_s", ColumnType.Float64).Add("d_distinct_err_cm2_s", ColumnType.Float64)
        .Add("haven_ratio", ColumnType.Float64).Add("haven_ratio_err", ColumnType.Float64)
        .Add("conductivity_s_cm", ColumnType.Float64).Add("conductivity_err_s_cm", ColumnType.Float64)
        .Add("loglog_slope", ColumnType.Float64).Add("linear", ColumnType.Bool)
        .With(b => b.AddRow(0L, "T600/XDATCAR", 600.0, 20000L, 32L, 5L, 2.0, 8.0, 40L,
            1.5e-6, 1e-7, 2.5e-6, 4e-7, 1e-6, 3.5e-7, 0.6, 0.08, 0.012, 0.002, 0.98, true))
        .With(b => b.AddRow(1L, "T900/<b>run</b>.xyz", 900.0, 5000L, 32L, 5L, 0.4, 1.6, 3L,
            8e-6, 2e-6, 9e-6, 3e-6, 1e-6, 2e-6, 0.89, 0.2, 0.03, 0.01, 0.62, false))
        .Build();

    /// <summary>md-transport's fits; D*(300 K) = 3E-8 ± 1.5E-8 cm^2/s is its own extrapolation.</summary>
    private static Table Arrhenius() => new TableBuilder()
        .Add("quantity", ColumnType.String).Add("ea_ev", ColumnType.Float64).Add("ea_err_ev", ColumnType.Float64)
        .Add("d0_cm2_s", ColumnType.Float64).Add("d0_err_cm2_s", ColumnType.Float64)
        .Add("d_300k_cm2_s", ColumnType.Float64).Add("d_300k_err_cm2_s", ColumnType.Float64).Add("points", ColumnType.Int64)
        .With(b => b.AddRow("d_tracer", 0.30, 0.02, 4e-3, 1e-3, 3e-8, 1.5e-8, 2L))
        .With(b => b.AddRow("d_sigma", 0.27, 0.03, 2e-3, 8e-4, 5e-8, 3e-8, 2L))
        .Build();

    /// <summary>A kMC summary with two compositions and the kmc stage's fit of D* per x (repeated on each T row).</summary>
    private static Table KmcSummary() => new TableBuilder()
        .Add("x", ColumnType.Float64).Add("temperature", ColumnType.Float64)
        .Add("arrhenius_ea_tracer_ev", ColumnType.Float64).Add("arrhenius_ea_tracer_err_ev", ColumnType.Float64)
        .Add("arrhenius_d0_tracer_cm2_s", ColumnType.Float64).Add("arrhenius_d0_tracer_err_cm2_s", ColumnType.Float64)
        .With(b =>
        {
            foreach (var t in new[] { 600.0, 800.0 })
            {
                b.AddRow(0.4, t, 0.25, 0.05, 1e-3, 5e-4);
                b.AddRow(0.2, t, 0.40, 0.01, 1e-2, 1e-3);
            }
        })
        .Build();

    private static SmallRun WithMd(SmallRun run)
    {
        run.AddTable("md_observables", Observables());
        run.AddTable("md_arrhenius", Arrhenius());
        var png = Fakes.TinyPng.Create(3, 2, 10, 120, 10);
        run.AddFolder("md_plots", ("arrhenius.png", png), ("msd-loglog.png", png), ("msd-loglog.svg", "<svg/>"u8.ToArray()));
        return run;
    }

    [Fact]
    public void Md_section_shows_observables_with_block_errors_warnings_fits_and_plots()
    {
        using var run = WithMd(new SmallRun());
        var (html, ctx) = Render(run);
        var md = ReportHtml.Section(html, "md-transport");

        Assert.Empty(ctx.Warnings);
        Assert.Contains("<a href=\"#md-transport\">Molecular dynamics</a>", html);
        Assert.Contains("<td class=\"num\">0</td><td>T600/XDATCAR</td><td class=\"num\">600</td><td class=\"num\">20000</td><td class=\"num\">32</td>"
                        + "<td class=\"num\">5</td><td>2 to 8</td><td class=\"num\">1.5E-6 &#177; 1E-7</td><td class=\"num\">2.5E-6 &#177; 4E-7</td>"
                        + "<td class=\"num\">1E-6 &#177; 3.5E-7</td><td class=\"num\">0.600 &#177; 0.080</td><td class=\"num\">0.012 &#177; 0.002</td>"
                        + "<td class=\"num\">0.98</td><td>yes</td>", md);
        Assert.Contains("<td>T900/&lt;b&gt;run&lt;/b&gt;.xyz</td>", md);
        Assert.Contains("<td class=\"num\">0.62</td><td>no</td>", md);
        Assert.DoesNotContain("<b>run</b>", html);

        // Only the flagged run gets a warning, with its window, slope and the few points.
        Assert.Equal(1, ReportHtml.Count(md, "<p class=\"warning\">"));
        Assert.Contains("Run 1 (T900/&lt;b&gt;run&lt;/b&gt;.xyz, 900 K): md-transport flagged the tracer MSD as not diffusive in the fit window [0.4, 1.6] ps "
                        + "(log-log slope 0.62, diffusion gives 1; only 3 MSD points in the window).", md);

        Assert.Contains("<td>tracer D*</td><td class=\"num\">0.300 &#177; 0.020</td><td class=\"num\">0.004 &#177; 0.001</td>"
                        + "<td class=\"num\">3E-8 &#177; 1.5E-8</td><td class=\"num\">2</td>", md);
        Assert.Contains("<td>charge D_sigma</td><td class=\"num\">0.270 &#177; 0.030</td>", md);

        // The plot folder: msd-loglog first (PNG and SVG shown once), then arrhenius, captioned for MD.
        Assert.Equal(2, ReportHtml.EmbeddedPngs(md).Count);
        int loglog = md.IndexOf("log10 on both axes", StringComparison.Ordinal), arrhenius = md.IndexOf("md-transport&#39;s Arrhenius plot", StringComparison.Ordinal);
        Assert.True(loglog > 0 && arrhenius > loglog, "msd-loglog then arrhenius");
        Assert.Contains("(msd-loglog.png)</figcaption>", md);
        Assert.DoesNotContain("msd-loglog.svg", md);

        // Without the kMC summary there is nothing to compare with.
        Assert.Contains("Comparison of kMC and MD: not part of this run (inputs kmc_summary not connected).", md);
        Assert.DoesNotContain("E_a kMC", md);
    }

    [Fact]
    public void Md_section_sits_before_truth_and_provenance_and_its_inputs_are_counted_and_listed()
    {
        using var run = WithMd(SmallRun.Full());
        var (html, _) = Render(run);

        Assert.Equal(["headline", "dataset", "fits", "cluster-expansion", "kmc", "md-transport", "truth", "provenance"],
            ReportHtml.Sections(html).Select(s => s.Id));
        // Full connects 15 of the 16 workflow inputs (not kmc_msd), plus the three md-transport ones.
        Assert.Contains("18 of 19 inputs connected", html);
        var provenance = ReportHtml.Section(html, "provenance");
        Assert.Contains("<td>md_observables</td><td>table</td><td>hash-of-md_observables</td>", provenance);
        Assert.Contains("<td>md_plots</td><td>directory</td><td>hash-of-md_plots</td>", provenance);
        Assert.Contains("Inputs not connected in this run: kmc_msd.", provenance);
    }

    [Fact]
    public void Kmc_and_md_activation_energies_and_300_K_diffusivities_are_compared_when_both_are_connected()
    {
        using var run = WithMd(new SmallRun());
        run.AddTable("kmc_summary", KmcSummary());
        var md = ReportHtml.Section(Render(run).Html, "md-transport");

        // x = 0.2: D*(300 K) = 1e-2 exp(-0.40 / (8.617333262e-5 x 300)) = 1.9068e-9; its error from D0 (10 %) and E_a
        // (0.01 / 0.025852 = 0.3868) in quadrature: ln error 0.39953, 7.618e-10. E_a difference 0.10 ± hypot(0.01, 0.02)
        // = 0.02236: 4.472 errors. Ratio 1.9068e-9 / 3e-8 = 0.06356; |ln ratio| / hypot(0.39953, 0.5) = 4.306.
        Assert.Contains("<td class=\"num\">0.2</td><td class=\"num\">0.400 &#177; 0.010</td><td class=\"num\">0.300 &#177; 0.020</td>"
                        + "<td class=\"num\">0.100 &#177; 0.022</td><td class=\"num\">4.472</td>"
                        + "<td class=\"num\">1.907E-9 &#177; 7.618E-10</td><td class=\"num\">3E-8 &#177; 1.5E-8</td>"
                        + "<td class=\"num\">0.06356</td><td class=\"num\">4.306</td>", md);
        // x = 0.4: D* = 1e-3 exp(-0.25 / 0.025852) = 6.312e-8, ln error hypot(0.5, 1.934) = 1.9977: 1.261e-7.
        // E_a difference -0.05 ± 0.05385 (0.9285 errors); ratio 2.104, |ln 2.104| / hypot(1.9977, 0.5) = 0.3612.
        Assert.Contains("<td class=\"num\">0.4</td><td class=\"num\">0.250 &#177; 0.050</td><td class=\"num\">0.300 &#177; 0.020</td>"
                        + "<td class=\"num\">-0.050 &#177; 0.054</td><td class=\"num\">0.9285</td>"
                        + "<td class=\"num\">6.312E-8 &#177; 1.261E-7</td><td class=\"num\">3E-8 &#177; 1.5E-8</td>"
                        + "<td class=\"num\">2.104</td><td class=\"num\">0.3612</td>", md);
        // One row per composition, in order of x, and the reading guide below the table.
        Assert.True(md.IndexOf("<td class=\"num\">0.2</td><td class=\"num\">0.400", StringComparison.Ordinal)
                    < md.IndexOf("<td class=\"num\">0.4</td><td class=\"num\">0.250", StringComparison.Ordinal));
        Assert.Contains("How to read this:", md);
        // Run 1 of the MD observables is flagged: the comparison says its MD side is not reliable.
        Assert.Contains("1 of 2 MD runs are not diffusive (warnings above)", md);
        Assert.DoesNotContain("Comparison of kMC and MD: not part of this run", md);
    }

    [Fact]
    public void Comparison_needs_the_md_arrhenius_table_too()
    {
        using var run = new SmallRun();
        run.AddTable("md_observables", Observables());
        run.AddTable("kmc_summary", KmcSummary());
        var md = ReportHtml.Section(Render(run).Html, "md-transport");

        Assert.Contains("Comparison of kMC and MD: not part of this run (inputs md_arrhenius not connected).", md);
        Assert.Contains("MD Arrhenius fits: not part of this run (inputs md_arrhenius not connected).", md);
        Assert.Contains("MD plots: not part of this run (inputs md_plots not connected).", md);
    }

    [Fact]
    public void Without_md_inputs_the_report_does_not_mention_them()
    {
        using var run = SmallRun.Full();
        var (html, ctx) = Render(run);

        // What the new ports could have changed: the contents, the section list, the input count in the header and
        // the list of inputs not connected. All read as they did before the ports existed.
        Assert.DoesNotContain("md-transport", html);
        Assert.DoesNotContain("md_", html);
        Assert.DoesNotContain("Molecular dynamics", html);
        Assert.Contains("15 of 16 inputs connected", html);
        Assert.Contains("Inputs not connected in this run: kmc_msd.", ReportHtml.Section(html, "provenance"));
        Assert.Empty(ctx.Warnings);
    }

    [Fact]
    public void An_md_table_that_breaks_its_contract_is_rejected_on_load_naming_the_port_and_column()
    {
        using var run = new SmallRun();
        run.AddTable("md_arrhenius", Arrhenius());
        var broken = run.Tables["md_arrhenius"];
        run.Tables["md_arrhenius"] = new Table(broken.Columns.Where(c => c.Name != "ea_err_ev"), broken.Metadata);
        var stage = new ReportStage();

        var e = Assert.Throws<InvalidDataException>(() => stage.Run(run.Context(stage)));
        Assert.Contains("report input 'md_arrhenius'", e.Message);
        Assert.Contains("ea_err_ev", e.Message);
    }
}
