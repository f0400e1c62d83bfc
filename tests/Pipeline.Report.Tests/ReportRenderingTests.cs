using Pipeline.Report.Tests.Fakes;

namespace Pipeline.Report.Tests;

public class ReportRenderingTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] ExpectedSections = ["headline", "dataset", "fits", "cluster-expansion", "kmc", "truth", "provenance"];

    private static (string Html, FakeStageContext Context) RunStage(SmallRun run, IReadOnlyDictionary<string, object>? overrides = null)
    {
        var stage = new ReportStage();
        var ctx = run.Context(stage, overrides);
        stage.Run(ctx);
        return (File.ReadAllText(ctx.OutputFilePath("report")), ctx);
    }

    [Fact]
    public void Full_run_has_every_section_in_order_and_no_section_failed()
    {
        using var run = SmallRun.Full();
        var (html, ctx) = RunStage(run);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(ExpectedSections, ReportHtml.Sections(html).Select(s => s.Id));
        Assert.Empty(ctx.Warnings);
        Assert.DoesNotContain("not part of this run", html);
        Assert.Equal(ReportHtml.Count(html, "<table"), ReportHtml.Count(html, "</table>"));
        Assert.Equal(ReportHtml.Count(html, "<figure"), ReportHtml.Count(html, "</figure>"));
    }

    [Fact]
    public void Images_are_embedded_pngs_and_nothing_is_fetched()
    {
        using var run = SmallRun.Full();
        var (html, _) = RunStage(run);

        var pngs = ReportHtml.EmbeddedPngs(html);
        // Drawn here: 3 barrier histograms, NEB profiles, KRA forest plot, CE parity and CE error, ECI bars, D*, D_J and
        // sigma against x, Arrhenius, percolation (13); from the plot folders: parity, CV curve, msd (3). No learning
        // curve: 6 hops are too few for one.
        Assert.Equal(16, pngs.Count);
        Assert.All(pngs, png => Assert.True(png.AsSpan().StartsWith(PngSignature)));
        Assert.Contains(Convert.ToBase64String(run.ValidatePng), html);
        Assert.Contains(Convert.ToBase64String(run.KmcPng), html);
        // parity_kra exists as PNG and SVG: shown once.
        Assert.Equal(1, ReportHtml.Count(html, "(parity_kra.png)</figcaption>"));

        Assert.All(ReportHtml.References(html), url => Assert.True(url.StartsWith("data:") || url.StartsWith('#'), url));
        // Every chart drawn here also carries its vector form for print: an SVG data URI in <source media="print">.
        var svgs = System.Text.RegularExpressions.Regex.Matches(html, @"<source media=""print"" type=""image/svg\+xml"" srcset=""data:image/svg\+xml;base64,(?<b64>[A-Za-z0-9+/=]+)"">");
        Assert.Equal(13, svgs.Count);
        Assert.All(svgs, m => Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["b64"].Value))));
        Assert.DoesNotContain("srcset=\"http", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void Strings_from_data_and_params_are_escaped()
    {
        using var run = SmallRun.Full();
        var (html, _) = RunStage(run, new Dictionary<string, object> { ["title"] = "Run <b>&</b> \"x\"" });

        Assert.Contains("neb/&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("moving ion is V &amp; not &lt;Li&gt;", html);
        Assert.Contains("<title>Run &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;</title>", html);
        Assert.DoesNotContain("<b>&</b>", html);
    }

    [Fact]
    public void Print_stylesheet_keeps_the_report_readable_on_paper()
    {
        using var run = SmallRun.Full();
        var (html, _) = RunStage(run);

        int print = html.IndexOf("@media print", StringComparison.Ordinal);
        Assert.True(print > 0);
        var printCss = html[print..html.IndexOf("</style>", StringComparison.Ordinal)];
        Assert.Contains("section.report-section { break-before: page;", printCss);
        Assert.Contains("thead { display: table-header-group; }", printCss);
        Assert.Contains("tr, td, th { break-inside: avoid;", printCss);
        Assert.Contains("background: #ffffff !important", printCss);
    }

    [Fact]
    public void Dataset_section_counts_hops_rejections_and_path_types()
    {
        using var run = SmallRun.Full();
        var dataset = ReportHtml.Section(RunStage(run).Html, "dataset");

        Assert.Contains("<td>NEB calculations ingested (accepted hops)</td><td class=\"num\">6</td>", dataset);
        Assert.Contains("<td>distinct calculations rejected</td><td class=\"num\">3</td>", dataset);
        // Reasons "missing_file: ..." group under their code; a reason without a code stays whole.
        Assert.Contains("<td>missing_file</td><td class=\"num\">2</td>", dataset);
        Assert.Contains("<td>moving ion is V &amp; not &lt;Li&gt;</td><td class=\"num\">1</td>", dataset);
        // up: 3 of 6 hops, mean E_KRA (0.30 + 0.35 + 0.40) / 3 = 0.35; down: (0.55 + 0.60) / 2 = 0.575.
        Assert.Contains("<td>up</td><td class=\"num\">3</td><td class=\"num\">50 %</td><td class=\"num\">0.35</td>", dataset);
        Assert.Contains("<td>down</td><td class=\"num\">2</td><td class=\"num\">33.3 %</td><td class=\"num\">0.575</td>", dataset);
        Assert.Contains("<td>climbing-image NEBs</td><td class=\"num\">3</td>", dataset);
    }

    [Fact]
    public void Fits_section_shows_intervals_and_the_confusion_matrix()
    {
        using var run = SmallRun.Full();
        var fits = ReportHtml.Section(RunStage(run).Html, "fits");

        Assert.Contains("<td>gate_tm_up</td><td class=\"num\">0.25</td><td>[0.21, 0.29]</td>", fits);
        Assert.Contains("<td class=\"num\">0.0424</td>", fits); // CV RMSE from model-kra.json
        // Confusion matrix: 5 of 6 on the diagonal; recall of "down" 1/2; precision of "up" 3/4.
        Assert.Contains("accuracy 83.3 % over 6 hops", fits);
        Assert.Contains("<td>down</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">50 %</td>", fits);
        Assert.Contains("<td>precision</td><td class=\"num\">75 %</td>", fits);
        Assert.Contains("5 folds; trainer LbfgsMaximumEntropy", fits);
    }

    [Fact]
    public void Cluster_expansion_section_lists_orbits_ecis_and_fit_metrics()
    {
        using var run = SmallRun.Full();
        var ce = ReportHtml.Section(RunStage(run).Html, "cluster-expansion");

        Assert.Contains("<td>fit: cv_rmse_ev_per_fu</td><td class=\"num\">0.0123</td>", ce);
        Assert.Contains("<td>correlation functions</td><td class=\"num\">3</td>", ce);
        Assert.Contains("<td>constant term j0 (eV per primitive cell)</td><td class=\"num\">-1.25</td>", ce);
        Assert.Contains("<td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">6</td><td class=\"num\">0.7071</td>" +
                        "<td>cation(0,0,0) cation(1,1,0)</td><td>[0,0]</td><td class=\"num\">0.033</td>", ce);
        Assert.Contains("<td>[0] [1]</td><td>0.4, -0.1</td>", ce);
        // ce_metrics: metric rows, ECI against truth (0.033 - 0.03), CE parity plot.
        Assert.Contains("<td>cv_rmse_mev_per_fu</td><td class=\"num\">12.3</td>", ce);
        Assert.Contains("<td>pair_1</td><td class=\"num\">1</td><td>0,0</td><td class=\"num\">0.033</td><td class=\"num\">0.03</td><td class=\"num\">0.003</td>", ce);
        Assert.Contains("DFT energy of each of the 2 training structures; open markers: the truth CE", ce);
        Assert.Contains("id=\"fig-ce-deviation\"", ce);
    }

    [Fact]
    public void Kmc_section_shows_observables_arrhenius_fits_and_percolation()
    {
        using var run = SmallRun.Full();
        var kmc = ReportHtml.Section(RunStage(run).Html, "kmc");

        Assert.Contains("<th>tracer D* (cm^2/s)</th>", kmc);
        Assert.Contains("<th>conductivity sigma (S/cm)</th>", kmc);
        // The summary's haven_ratio_mean (D*/D_J = 1/2 in this fixture) is shown as the stage computed it.
        Assert.Contains("Haven ratio H_R", kmc);
        Assert.Contains("<td class=\"num\">0.5</td>", kmc);
        // D = D0 exp(-Ea / kT) exactly: the unweighted recomputation returns 0.35 eV; the stage's own fit is shown beside it.
        Assert.Contains("<td>D*</td><td class=\"num\">0.351 &#177; 0.004</td><td class=\"num\">0.0011 &#177; 1E-4</td><td class=\"num\">0.35</td>", kmc);
        Assert.Contains("<td>D_J</td><td>n/a</td><td>n/a</td><td class=\"num\">0.35</td>", kmc);
        Assert.Contains("<td class=\"num\">0.3</td><td>yes</td><td class=\"num\">0.875 &#177; 0.025</td>", kmc);
        // Columns the report does not know stay visible; the stage's fit columns are not repeated there.
        Assert.Contains("<th>mystery_column</th>", kmc);
        Assert.DoesNotContain("<th>arrhenius_points</th>", kmc);
        Assert.Contains("kMC results per run", kmc);
        Assert.Contains("id=\"fig-arrhenius\"", kmc);
        Assert.Contains("id=\"fig-d-tracer-x\"", kmc);
        Assert.Contains("id=\"fig-percolation-x\"", kmc);
    }

    [Fact]
    public void Kmc_section_averages_the_runs_when_the_summary_is_missing_and_still_shows_the_folder_plots()
    {
        using var full = SmallRun.Full();
        using var run = new SmallRun();
        run.AddTable("kmc_results", full.Tables["kmc_results"]);
        run.AddFolder("kmc_plots", ("arrhenius.png", run.KmcPng), ("arrhenius.svg", "<svg/>"u8.ToArray()));
        var kmc = ReportHtml.Section(RunStage(run).Html, "kmc");

        // Runs at 300 K: 0.9 D and 1.1 D -> mean D, standard error 0.1 D; percolating in 1 of 2 runs.
        Assert.Contains("values are means over the runs", kmc);
        Assert.Contains($"<td class=\"num\">0.3</td><td class=\"num\">300</td><td class=\"num\">1.319E-9 &#177; 1.319E-10</td>", kmc);
        Assert.Contains("<td class=\"num\">0.3</td><td>in 50 % of runs</td>", kmc);
        // Drawn here: D* against x, Arrhenius, percolation; the folder's arrhenius.png once (its SVG twin not again).
        Assert.Contains("id=\"fig-arrhenius\"", kmc);
        Assert.Equal(4, ReportHtml.EmbeddedPngs(kmc).Count);
        Assert.Contains(Convert.ToBase64String(run.KmcPng), kmc);
    }

    [Fact]
    public void Truth_section_compares_fitted_coefficients_with_truth_yaml()
    {
        using var run = SmallRun.Full();
        var truth = ReportHtml.Section(RunStage(run).Html, "truth");

        // KRA: gate_tm_up truth 0.20, fitted 0.25, CI [0.21, 0.29] does not hold the truth.
        Assert.Contains("<td>gate_tm_up</td><td class=\"num\">0.2</td><td class=\"num\">0.25</td><td class=\"num\">0.05</td><td>[0.21, 0.29]</td><td>no</td>", truth);
        // Intercept: truth 0.30 inside [0.28, 0.34].
        Assert.Contains("<td>intercept</td><td class=\"num\">0.3</td><td class=\"num\">0.31</td><td class=\"num\">0.01</td><td>[0.28, 0.34]</td><td>yes</td>", truth);
        // RMS over (0.05, 0) = 0.05/sqrt(2).
        // RMS over the differences (0.05, 0) = 0.05 / sqrt(2) = 0.035355.
        Assert.Contains("RMS difference over 2 descriptors: 0.03536 eV per count. Truth inside the confidence interval for 1 of 2 descriptors.", truth);
        // Forward: validate's table has no forward rows, so no interval is borrowed from the KRA model.
        Assert.Contains("<td>gate_tm_up</td><td class=\"num\">0.2</td><td class=\"num\">0.22</td><td class=\"num\">0.02</td><td>n/a</td><td>n/a</td>", truth);
        Assert.Contains("R^2 = 0.9312, RMSE 0.0211 eV", truth);
        Assert.Contains("<td>seed</td><td class=\"num\">1234</td>", truth);
        Assert.Contains("<td>noise: barrier_sigma</td><td class=\"num\">0.02</td>", truth);
        Assert.Contains("<td>Li</td><td>V</td><td class=\"num\">0.05</td>", truth);
    }

    [Fact]
    public void Truth_section_checks_the_dataset_against_the_planted_hops_and_faults()
    {
        using var run = SmallRun.Full();
        var truth = ReportHtml.Section(RunStage(run).Html, "truth");

        // Faults: hop_0100 was rejected, hop_0102 was not; hop_0101 and the hostile id were rejected without a plant.
        Assert.Contains("Ingest rejected 1 of 2 planted faults; 2 other calculations were rejected.", truth);
        Assert.Contains("<td>neb/hop_0102</td><td>missing-image</td><td>neb/hop_0102/02</td><td>no</td><td></td>", truth);
        // Paths: hop_0005 was planted "up" but labelled "straight".
        Assert.Contains("agree with the planted path for 5 of 6 hops (83.3 %)", truth);
        Assert.Contains("<td>up</td><td>straight</td><td class=\"num\">1</td>", truth);
        Assert.Contains("<td>straight</td><td class=\"num\">0.2</td><td class=\"num\">16.7 %</td>", truth);
        // E_KRA: only hop_0000 differs, read 0.30 vs planted 0.31: mean -0.01/6, RMS 0.01/sqrt(6), max 0.01.
        Assert.Contains("<td>E_KRA</td><td class=\"num\">6</td><td class=\"num\">-0.001667</td><td class=\"num\">0.004082</td><td class=\"num\">0.01</td>", truth);
    }

    [Fact]
    public void Provenance_lists_every_input_with_hash_stage_params_and_tool_version()
    {
        using var run = SmallRun.Full();
        var provenance = ReportHtml.Section(RunStage(run).Html, "provenance");

        Assert.Contains("<td>hops</td><td>table</td><td>hash-of-hops</td><td>ingest</td><td>vasp-neb-ingest</td><td>p4r4m5h45h</td>" +
                        "<td>{&quot;workers&quot;:2}</td><td>0.1.0+test</td>", provenance);
        // Model files carry their own tool version and creation time; the time is left out (issue #17: times go
        // to run records, and the same inputs must give the same bytes).
        Assert.Contains("<td>model_kra</td><td>file</td><td>hash-of-model_kra</td>", provenance);
        Assert.DoesNotContain("2025-01-01T00:00:00Z", provenance);
        Assert.Contains("<td>validate_plots</td><td>directory</td><td>hash-of-validate_plots</td>", provenance);
        Assert.Equal(15, ReportHtml.Count(provenance, "<td>hash-of-"));
        Assert.Contains("<td>params_hash</td><td>r3p0rtp4r4m5</td>", provenance);
    }

    [Fact]
    public void Empty_run_renders_every_section_as_not_part_of_this_run()
    {
        using var run = new SmallRun();
        var (html, ctx) = RunStage(run);

        var sections = ReportHtml.Sections(html);
        Assert.Equal(ExpectedSections, sections.Select(s => s.Id));
        Assert.All(sections.Where(s => s.Id != "provenance"), s => Assert.Contains("not part of this run", s.Body));
        Assert.Contains("Inputs not connected in this run: hops, rejected, features", ReportHtml.Section(html, "provenance"));
        Assert.Empty(ReportHtml.EmbeddedPngs(html));
        Assert.Empty(ctx.Warnings);
    }

    [Fact]
    public void Partial_run_shows_what_it_has_and_names_what_is_missing()
    {
        using var run = new SmallRun();
        using var full = SmallRun.Full();
        run.AddTable("hops", full.Tables["hops"]);
        run.AddFile("model_kra", "model-kra.json", File.ReadAllText(full.Paths["model_kra"]));
        var (html, _) = RunStage(run);

        var dataset = ReportHtml.Section(html, "dataset");
        Assert.Contains("Rejected calculations: not part of this run (inputs rejected not connected).", dataset);
        Assert.Contains("id=\"fig-histogram-e-kra\"", dataset);
        var fits = ReportHtml.Section(html, "fits");
        // Without validate the coefficients come from the model file and the CV curve is drawn from its path.
        Assert.Contains("The coefficients below are read from the model files.".ToLowerInvariant(), fits.ToLowerInvariant());
        Assert.Contains("Cross-validation curve of the e_kra model (from the model file)", fits);
        Assert.Contains("not part of this run", ReportHtml.Section(html, "kmc"));
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes()
    {
        using var run = SmallRun.Full();
        var first = RunStage(run).Html;
        var second = RunStage(run).Html;
        Assert.Equal(first, second);
    }
}
