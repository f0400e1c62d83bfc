using Pipeline.Contracts;
using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Fits: the barrier models (coefficients with confidence intervals, CV errors), the validate plots
/// (parity, residuals, Lasso path, CV curve) and the path classifier's confusion matrix.</summary>
internal sealed class FitsSection : IReportSection
{
    /// <summary>Plot order: the ones a reader looks at first come first.</summary>
    private static readonly string[] PlotOrder = ["parity", "residual", "path", "cv", "learning"];

    public string Id => "fits";
    public string Title => "Fits";

    public IReadOnlyList<string> Ports =>
    [
        ReportPorts.ModelForward, ReportPorts.ModelKra, ReportPorts.Coefficients, ReportPorts.Metrics,
        ReportPorts.ValidatePlots, ReportPorts.ClassifierMetrics,
    ];

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        ScienceWarningsView.WriteFor(html, inputs, Id);
        WriteModels(html, inputs);
        WriteCoefficients(html, inputs, options);
        ElementCoefficientsView.Write(html, inputs);
        CoefficientForest.Write(html, inputs);
        LearningCurveView.Write(html, inputs);
        WriteMetrics(html, inputs, options);
        WritePlots(html, inputs);
        WriteClassifier(html, inputs, options);
    }

    private static void WriteModels(HtmlWriter html, ReportInputs inputs)
    {
        html.Heading(3, "Barrier models");
        if (!inputs.Models.Any())
        {
            html.NotPartOfRun("Model files", [ReportPorts.ModelForward, ReportPorts.ModelKra]);
            return;
        }
        var table = new HtmlTable("target", "descriptors", "non-zero coefficients", "alpha", "CV RMSE (eV)", "intercept (eV)", "training data hash");
        foreach (var m in inputs.Models)
        {
            table.AddRow(m.Target, Format.Integer(m.Features.Length), Format.Integer(m.NonZeroCount),
                m.Alpha is { } a ? Format.Number(a) : "n/a", m.CvRmse is { } r ? Format.Number(r) : "n/a",
                m.InterceptPhysical is { } i ? Format.Number(i) : "n/a", m.TrainingDataHash ?? "n/a");
        }
        table.Write(html, "LassoCV models (docs/CONTRACTS.md barrier-model/1)");
    }

    private static void WriteCoefficients(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Heading(3, "Coefficients");
        var table = inputs.Table(ReportPorts.Coefficients);
        var rows = CoefficientRows.Read(table);
        if (rows is not null)
        {
            foreach (var model in rows.GroupBy(r => r.Model))
            {
                var view = new HtmlTable("descriptor", "coefficient (eV per count)", "confidence interval", "standardized", "selected in resamples");
                foreach (var r in model)
                {
                    view.AddRow(r.Feature, Format.Number(r.Value),
                        double.IsNaN(r.Low) && double.IsNaN(r.High) ? "n/a" : $"[{Format.Number(r.Low)}, {Format.Number(r.High)}]",
                        Format.Number(r.Standardized), Format.Percent(r.SelectedFraction));
                }
                view.Write(html, $"Coefficients of {(model.Key.Length == 0 ? "the model" : model.Key)} with confidence intervals (validate)");
            }
            return;
        }
        if (table is not null)
        {
            TableView.Write(html, table, "Coefficients (validate)", options.MaxTableRows);
            return;
        }
        if (!inputs.Models.Any())
        {
            html.NotPartOfRun("Coefficients", [ReportPorts.Coefficients, ReportPorts.ModelForward, ReportPorts.ModelKra]);
            return;
        }
        html.Paragraph("Confidence intervals come from the validate stage, which is not part of this run; the coefficients below are read from the model files.", "note");
        foreach (var m in inputs.Models)
        {
            var view = new HtmlTable("descriptor", "coefficient (eV per count)", "standardized");
            for (int i = 0; i < m.Features.Length; i++)
                view.AddRow(m.Features[i], m.CoefPhysical is { } c ? Format.Number(c[i]) : "n/a",
                    m.CoefStandardized is { } s ? Format.Number(s[i]) : "n/a");
            view.Write(html, $"Coefficients of {m.Target}");
        }
    }

    private static void WriteMetrics(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Heading(3, "Cross-validated errors");
        if (inputs.Table(ReportPorts.Metrics) is { } metrics)
            TableView.Write(html, metrics, "Validation metrics (validate)", options.MaxTableRows);
        else
            html.NotPartOfRun("Validation metrics", [ReportPorts.Metrics]);
    }

    private static void WritePlots(HtmlWriter html, ReportInputs inputs)
    {
        html.Heading(3, "Parity, residuals, Lasso path and CV curve");
        int embedded = 0;
        bool hasCvCurve = false;
        if (inputs.Path(ReportPorts.ValidatePlots) is { } folder)
        {
            html.OpenDetails("Plots written by the validate stage (parity, residuals, Lasso path, CV curve)");
            embedded = PlotFolder.Write(html, folder, PlotOrder);
            html.Close("details");
            hasCvCurve = PlotFolder.ImageFiles(folder, PlotOrder).Any(f => f.Contains("cv", StringComparison.OrdinalIgnoreCase));
            if (embedded == 0) html.Paragraph("The validate plot folder holds no images.", "note");
        }
        if (!hasCvCurve)
        {
            foreach (var m in inputs.Models)
            {
                if (m.Alphas is not { Length: > 1 } alphas || m.MsePathMean?.Length != alphas.Length) continue;
                var chart = LineChart.Render($"LassoCV curve, {m.Target}", "log10 alpha (alpha in eV)", "mean CV MSE (eV^2)",
                    [new LineSeries("mean fold MSE", alphas.Select(Math.Log10).ToArray(), m.MsePathMean)],
                    m.Alpha is { } a ? Math.Log10(a) : null, "chosen alpha");
                html.Figure(chart, "fig-cv-curve-" + CoefficientRows.TargetKey(m.Target), $"Cross-validation curve of the {m.Target} model (from the model file): mean squared error over the CV folds against the Lasso penalty alpha. The dashed line is the chosen alpha (lowest mean error); to its left the model overfits, to its right it underfits.");
                embedded++;
            }
        }
        if (embedded == 0) html.NotPartOfRun("Validation plots", [ReportPorts.ValidatePlots]);
    }

    private static void WriteClassifier(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Heading(3, "Path classifier");
        var table = inputs.Table(ReportPorts.ClassifierMetrics);
        if (table is null)
        {
            html.NotPartOfRun("Classifier metrics", [ReportPorts.ClassifierMetrics]);
            return;
        }
        if (TableColumns.Texts(table, ClassifierMetricsContract.SkippedReason) is { Length: > 0 } skipped && skipped[0].Length > 0)
        {
            html.Paragraph($"The path classifier was not trained: {skipped[0]}", "missing");
            return;
        }
        if (ConfusionMatrix.Read(table) is { } matrix)
        {
            matrix.Write(html);
            var folds = TableColumns.Numbers(table, ClassifierMetricsContract.Folds);
            var trainer = TableColumns.Texts(table, ClassifierMetricsContract.Trainer);
            if (table.RowCount > 0 && (folds is not null || trainer is not null))
                html.Paragraph($"Cross-validated predictions ({(folds is null ? "folds not recorded" : Format.Number(folds[0]) + " folds")}; trainer {trainer?[0] ?? "not recorded"}).", "note");
        }
        else TableView.Write(html, table, "Classifier metrics (fit)", options.MaxTableRows);
    }
}
