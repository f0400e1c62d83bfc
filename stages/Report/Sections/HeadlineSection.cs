using Pipeline.Contracts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;
using Pipeline.Report.Science;

namespace Pipeline.Report.Sections;

/// <summary>The first screen: the results a scientist would quote, one sentence each with units: the barrier models
/// (CV error, dominant descriptors with sign and size), the CE error, and per composition the activation energy, D*
/// and sigma extrapolated to 300 K with uncertainty, the Haven ratio and 0-TM percolation; then where the science
/// is weak. Every number is repeated, with its source, in the sections below.</summary>
internal sealed class HeadlineSection : IReportSection
{
    /// <summary>Descriptors named per model: the largest effects by standardized coefficient.</summary>
    public const int DominantDescriptors = 3;

    public string Id => FigureIds.Headline;
    public string Title => "Headline results";
    public IReadOnlyList<string> Ports => ReportPorts.Inputs.Select(p => p.Name).ToList();
    public bool AlwaysShown => true;

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Open("ul", "headline");
        WriteBarrierModels(html, inputs);
        WriteClusterExpansion(html, inputs);
        WriteCompositions(html, inputs);
        html.Close("ul");
        WriteWarnings(html, inputs);
    }

    private static void Item(HtmlWriter html, string lead, string text) =>
        html.Open("li").Element("strong", lead).Text(" " + text).Close("li");

    private static void WriteBarrierModels(HtmlWriter html, ReportInputs inputs)
    {
        if (!inputs.Models.Any())
        {
            Item(html, "Barrier models:", $"not part of this run (inputs {ReportPorts.ModelKra}, {ReportPorts.ModelForward} not connected).");
            return;
        }
        var rows = CoefficientRows.Read(inputs.Table(ReportPorts.Coefficients));
        var curves = LearningCurveView.Curves(inputs);
        int? hops = inputs.Table(ReportPorts.Features)?.RowCount;
        foreach (var model in inputs.Models)
        {
            var text = $"LassoCV{(hops is { } n ? $" on {n} hops" : "")} keeps {model.NonZeroCount} of {model.Features.Length} descriptors; "
                       + CvError(inputs, model) + ".";
            var dominant = Dominant(model, rows);
            if (dominant.Count > 0)
                text += " Dominant descriptors (change of the barrier per unit of the descriptor, with the effect of one standard deviation): "
                        + string.Join("; ", dominant) + ".";
            if (curves.FirstOrDefault(c => c.Target == model.Target) is { } curve)
                text += " Learning curve: " + LearningCurveView.Verdict(curve);
            Item(html, $"{Label(model.Target)} model:", text);
        }
    }

    /// <summary>validate's honest outer-CV RMSE (scaler refit per fold) when the metrics table has it, with LassoCV's
    /// own estimate beside it; else the model file's LassoCV estimate.</summary>
    private static string CvError(ReportInputs inputs, BarrierModelFile model)
    {
        var table = inputs.Table(ReportPorts.Metrics);
        var models = TableColumns.Texts(table, ValidationMetricsContract.Model);
        var evaluations = TableColumns.Texts(table, ValidationMetricsContract.Evaluation);
        var rmse = TableColumns.Numbers(table, ValidationMetricsContract.Rmse);
        string own = model.CvRmse is { } r ? Format.Number(r) + " eV" : "not recorded";
        if (models is not null && evaluations is not null && rmse is not null)
        {
            int row = Enumerable.Range(0, rmse.Length).FirstOrDefault(i => evaluations[i] == "cv"
                && CoefficientRows.TargetKey(models[i]) == CoefficientRows.TargetKey(model.Target), -1);
            if (row >= 0 && double.IsFinite(rmse[row]))
                return $"cross-validated RMSE {Format.Number(rmse[row])} eV (validate's outer CV, scaler refit per fold; LassoCV's own estimate {own})";
        }
        return $"cross-validated RMSE {own} (LassoCV's own estimate)";
    }

    /// <summary>"gate_tm_up +0.125 eV per unit (+0.11 eV per s.d.)" for the largest |standardized| coefficients.</summary>
    private static List<string> Dominant(BarrierModelFile model, IReadOnlyList<CoefficientRow>? rows)
    {
        if (model.CoefPhysical is not { } physical) return [];
        var standardized = model.CoefStandardized;
        return Enumerable.Range(0, model.Features.Length)
            .Where(i => physical[i] != 0)
            .OrderByDescending(i => Math.Abs(standardized?[i] ?? physical[i])).ThenBy(i => i)
            .Take(DominantDescriptors)
            .Select(i =>
            {
                var text = $"{model.Features[i]} {Signed(physical[i])} eV per unit";
                if (standardized is not null) text += $" ({Signed(standardized[i])} eV per s.d.)";
                if (CoefficientRows.Find(rows, model.Target, model.Features[i]) is { } row && double.IsFinite(row.Low) && double.IsFinite(row.High))
                    text += $", CI [{Format.Number(row.Low)}, {Format.Number(row.High)}]";
                return text;
            }).ToList();
    }

    private static void WriteClusterExpansion(HtmlWriter html, ReportInputs inputs)
    {
        if (CeError(inputs) is { } ce) Item(html, "Cluster expansion:", ce);
        else if (!inputs.Has(ReportPorts.CeMetrics) && !inputs.Has(ReportPorts.Eci))
            Item(html, "Cluster expansion:", $"not part of this run (inputs {ReportPorts.CeMetrics}, {ReportPorts.Eci} not connected).");
    }

    /// <summary>The CE's cross-validated error from ce_metrics (rows "metric", names cv_rmse_*) or eci.json's fit metrics.</summary>
    private static string? CeError(ReportInputs inputs)
    {
        var table = inputs.Table(ReportPorts.CeMetrics);
        var sections = TableColumns.Texts(table, CeMetricsContract.Section);
        var names = TableColumns.Texts(table, CeMetricsContract.Name);
        var values = TableColumns.Numbers(table, CeMetricsContract.Value);
        var metrics = new List<(string Name, double Value)>();
        if (sections is not null && names is not null && values is not null)
            metrics.AddRange(Enumerable.Range(0, names.Length).Where(i => sections[i] == "metric").Select(i => (names[i], values[i])));
        else if (inputs.Has(ReportPorts.Eci) && inputs.Eci is { } eci)
            metrics.AddRange(eci.FitMetrics.Select(kv => (kv.Key, double.TryParse(kv.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN)));
        var cv = metrics.Where(m => m.Name.StartsWith("cv_rmse", StringComparison.Ordinal) && double.IsFinite(m.Value))
            .OrderBy(m => m.Name.Contains("fu", StringComparison.Ordinal) ? 0 : 1).ToList();
        if (cv.Count == 0) return null;
        int structures = sections is null ? 0 : sections.Count(s => s == "structure");
        var parts = cv.Select(m => $"{Format.Number(m.Value)} {CeUnit(m.Name)}");
        return $"cross-validated RMSE {string.Join(" = ", parts)}{(structures > 0 ? $" over {structures} DFT structures" : "")}.";
    }

    private static string CeUnit(string name) =>
        name.EndsWith("mev_per_fu", StringComparison.Ordinal) ? "meV per formula unit"
        : name.EndsWith("mev_per_site", StringComparison.Ordinal) ? "meV per cation site"
        : name.EndsWith("ev_per_fu", StringComparison.Ordinal) ? "eV per formula unit"
        : "(" + name + ")";

    private static void WriteCompositions(HtmlWriter html, ReportInputs inputs)
    {
        var set = KmcObservables.FromSummary(inputs.Table(ReportPorts.KmcSummary)) ?? KmcObservables.FromRuns(inputs.Table(ReportPorts.KmcResults));
        if (set is null || set.Points.Count == 0)
        {
            Item(html, "Transport (kMC):", $"not part of this run (inputs {ReportPorts.KmcSummary}, {ReportPorts.KmcResults} not connected).");
            return;
        }
        string dUnit = Unit(KmcObservables.Unit(set, KmcObservables.Tracer));
        string sUnit = Unit(KmcObservables.Unit(set, KmcObservables.Conductivity));
        foreach (var c in CompositionResult.From(set.Points))
        {
            var parts = new List<string>();
            if (c.Tracer is { } tracer)
            {
                parts.Add($"E_a(D*) = {Format.Measured(tracer.ActivationEnergy, tracer.ActivationEnergyError)} eV from {tracer.Points} temperatures ({Format.Number(tracer.MinTemperature)}–{Format.Number(tracer.MaxTemperature)} K)");
                if (c.TracerAtReference is { } d)
                    parts.Add($"extrapolated to {Format.Number(CompositionResult.ReferenceTemperature)} K, D* = {Range(d)}{dUnit}");
            }
            if (c.ConductivityAtReference is { } s) parts.Add($"σ = {Range(s)}{sUnit}");
            if (double.IsFinite(c.Haven.Mean))
                parts.Add(c.Haven.Min == c.Haven.Max ? $"Haven ratio {Format.Number(c.Haven.Mean)}"
                    : $"Haven ratio {Format.Number(c.Haven.Mean)} (range {Format.Number(c.Haven.Min)}–{Format.Number(c.Haven.Max)} over T)");
            parts.Add(Percolation(c));
            Item(html, $"x = {Format.Number(c.X)}:", string.Join("; ", parts) + ".");
        }
    }

    private static string Percolation(CompositionResult c)
    {
        if (!double.IsFinite(c.PercolatingShare) && !double.IsFinite(c.LiFractionSpanning)) return "0-TM percolation not recorded";
        var spanning = double.IsFinite(c.LiFractionSpanning) ? $", {Format.Percent(c.LiFractionSpanning)} of Li in the spanning cluster" : "";
        return c.PercolatingShare switch
        {
            >= 1 => $"the 0-TM network percolates in every starting configuration{spanning}",
            <= 0 => $"the 0-TM network does not percolate{spanning}",
            double share when double.IsFinite(share) => $"the 0-TM network percolates in {Format.Percent(share)} of starting configurations{spanning}",
            _ => "0-TM percolation: " + spanning.TrimStart(',', ' '),
        };
    }

    private static void WriteWarnings(HtmlWriter html, ReportInputs inputs)
    {
        var warnings = ScienceWarningsView.Of(inputs);
        html.Heading(3, "Where the science is weak");
        if (warnings.Count == 0)
        {
            html.Paragraph("No warning: every classifier class is recalled in at least half of its hops, no non-zero coefficient's confidence interval spans zero, each barrier model has enough hops per descriptor, and every kMC run's MSD is linear in time (as far as the connected inputs show).", "note");
            return;
        }
        html.Open("ul", "warnings");
        foreach (var w in warnings)
            html.Open("li").Text(w.Text + " ").Markup($"<a href=\"#{HtmlWriter.Escape(w.Section)}\">").Text("(details)").Markup("</a>").Close("li");
        html.Close("ul");
    }

    /// <summary>"1.2E-12 (0.8E-12 to 1.9E-12)": the value and its one-standard-error range.</summary>
    private static string Range((double Value, double Low, double High) v) =>
        $"{Format.Number(v.Value)} (1σ range {Format.Number(v.Low)} to {Format.Number(v.High)})";

    private static string Unit(string unit) => unit.Length == 0 ? "" : " " + unit;

    private static string Signed(double v) => (v > 0 ? "+" : "") + Format.Number(v);

    private static string Label(string target) => CoefficientRows.TargetKey(target) switch
    {
        "kra" => "KRA barrier (E_KRA)",
        "forward" => "Forward barrier (E_f)",
        _ => target,
    };
}
