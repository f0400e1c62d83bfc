using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;
using Pipeline.Report.Science;

namespace Pipeline.Report.Sections;

/// <summary>The learning curve of each barrier model (held-out RMSE against training-set size, from real LassoCV
/// refits on the features table), so the reader sees whether more NEB calculations would help.</summary>
internal static class LearningCurveView
{
    public static IReadOnlyList<LearningCurve> Curves(ReportInputs inputs) => inputs.Derived("learning-curves", () =>
    {
        var features = inputs.Table(ReportPorts.Features);
        var curves = new List<LearningCurve>();
        if (features is null) return (IReadOnlyList<LearningCurve>)curves;
        foreach (var model in inputs.Models)
        {
            var columns = model.Features.Select(f => TableColumns.Numbers(features, f)).ToList();
            var y = TableColumns.Numbers(features, model.Target);
            if (y is null || columns.Any(c => c is null)) continue;
            if (LearningCurve.Compute(model.Target, model.Features, columns!, y, CancellationToken.None) is { } curve)
                curves.Add(curve);
        }
        return curves;
    });

    public static void Write(HtmlWriter html, ReportInputs inputs)
    {
        html.Heading(3, "Learning curves: would more calculations help?");
        if (inputs.Table(ReportPorts.Features) is null || !inputs.Models.Any())
        {
            html.NotPartOfRun("Learning curves", [ReportPorts.Features, ReportPorts.ModelKra, ReportPorts.ModelForward]);
            return;
        }
        var curves = Curves(inputs);
        if (curves.Count == 0)
        {
            html.Paragraph($"No learning curve: the features table lacks a model's descriptors or target, or has too few complete hops for the smallest training set ({Format.Percent(LearningCurve.Fractions[0])} of the data) to hold two hops per descriptor.", "missing");
            return;
        }
        foreach (var curve in curves)
        {
            var series = new List<LineSeries>
            {
                new("held-out RMSE (mean ± s.e. over folds)", curve.Points.Select(p => p.TrainingSize).ToArray(),
                    curve.Points.Select(p => p.TestRmse).ToArray(), curve.Points.Select(p => p.TestRmseError).ToArray()),
                new("training RMSE", curve.Points.Select(p => p.TrainingSize).ToArray(), curve.Points.Select(p => p.TrainRmse).ToArray()),
            };
            var chart = LineChart.Render($"Learning curve, {curve.Target}", "training-set size (hops)", "RMSE (eV)", series);
            html.Figure(chart, FigureIds.LearningCurvePrefix + CoefficientRows.TargetKey(curve.Target),
                $"Learning curve of the {curve.Target} model: LassoCV refit on growing subsets of {curve.Rows} hops ({LearningCurve.OuterFolds} shuffled outer folds, each scored on its held-out fold; standardised on the training subset alone). "
                + "The gap between the lines is overfitting; if the held-out error still falls at the right edge, more calculations would lower it. " + Verdict(curve));
        }
    }

    /// <summary>One sentence: is the held-out error still falling at the full training-set size?</summary>
    public static string Verdict(LearningCurve curve)
    {
        var last = curve.Points[^1];
        var previous = curve.Points[^2];
        string numbers = $"held-out RMSE {Format.Number(previous.TestRmse)} eV at {Format.Number(Math.Round(previous.TrainingSize))} hops, {Format.Number(last.TestRmse)} eV at {Format.Number(Math.Round(last.TrainingSize))}";
        return curve.StillImproving
            ? $"Still falling ({numbers}): more calculations would improve the {curve.Target} model."
            : $"Flat ({numbers}): more calculations of the same kind would barely improve the {curve.Target} model; better descriptors would.";
    }
}
