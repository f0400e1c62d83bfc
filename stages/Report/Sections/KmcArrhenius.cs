using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>The Arrhenius part of the kMC section: log10 D against 1000/T per composition (drawn here unless the
/// kmc plot folder has one), and per x the kmc stage's own Arrhenius fit next to a recomputation from the table.</summary>
internal static class KmcArrhenius
{
    private static readonly (string Key, string Label, string Column)[] Diffusivities =
    [
        (KmcObservables.Tracer, "D*", "tracer"),
        (KmcObservables.Jump, "D_J", "jump"),
    ];

    /// <summary>Columns of the kmc summary that hold its own fit (<c>arrhenius_ea_tracer_ev</c> ...).</summary>
    public static IEnumerable<string> FitColumns(Table summary) =>
        summary.Columns.Select(c => c.Name).Where(n => n.StartsWith("arrhenius_", StringComparison.Ordinal));

    public static void Write(HtmlWriter html, IReadOnlyList<KmcPoint> points, Table? summary, string unit)
    {
        html.Heading(3, "Arrhenius behaviour");
        var series = new List<LineSeries>();
        var fits = new HtmlTable("x", "diffusivity", "E_a from kmc (eV)", "D0 from kmc (cm^2/s)", "E_a recomputed here (eV)", "temperatures");
        foreach (var (key, label, column) in Diffusivities)
        {
            foreach (var group in points.Where(p => p.Value(key) > 0 && double.IsFinite(p.Value(key))).GroupBy(p => p.X).OrderBy(g => g.Key))
            {
                var ordered = group.OrderBy(p => p.T).ToArray();
                series.Add(new LineSeries($"{label}, x = {Format.Number(group.Key)}",
                    ordered.Select(p => 1000.0 / p.T).ToArray(),
                    ordered.Select(p => Math.Log10(p.Value(key))).ToArray(),
                    ordered.Select(p => p.Error(key) / (p.Value(key) * Math.Log(10))).ToArray()));
                // Unweighted on purpose: a cross-check of the stage's weighted fit, by the same library (lib/Transport).
                var fit = Pipeline.Transport.ArrheniusFit.Fit(ordered.Select(p => p.T).ToArray(), ordered.Select(p => p.Value(key)).ToArray());
                double? recomputed = double.IsFinite(fit.ActivationEnergy) ? fit.ActivationEnergy : null;
                var (ea, eaErr, d0, d0Err) = StageFit(summary, group.Key, column);
                if (recomputed is null && double.IsNaN(ea)) continue;
                fits.AddRow(Format.Number(group.Key), label, Format.WithError(ea, eaErr), Format.WithError(d0, d0Err),
                    recomputed is null ? "n/a" : Format.Number(recomputed.Value), Format.Integer(ordered.Length));
            }
        }
        if (series.Count == 0)
        {
            html.Paragraph("No positive diffusivity to plot.", "note");
            return;
        }
        var chart = LineChart.Render("Arrhenius plot", "1000 / T (1/K)", $"log10 D ({unit})", series);
        html.Figure(chart, FigureIds.Arrhenius, "Arrhenius plot: log10 of the tracer (D*) and jump (D_J) diffusivities against 1000/T, one line per diffusivity and composition x; error bars are one standard error over seeds. "
            + "A straight line means a single activation energy, E_a = -slope × 1000 × k_B × ln 10 (a slope of -1 is 0.198 eV); curvature means the mechanism changes with T.");
        if (fits.RowCount > 0)
            fits.Write(html, "Arrhenius fits ln D = ln D0 - E_a/(k_B T): the kmc stage's (weighted, ± one standard error) and an unweighted recomputation from the table above");
    }

    /// <summary>The kmc summary's own fit for composition <paramref name="x"/>, NaN when the table has none.</summary>
    private static (double Ea, double EaErr, double D0, double D0Err) StageFit(Table? summary, double x, string which)
    {
        bool tracer = which == "tracer";
        var xs = TableColumns.Numbers(summary, KmcSummaryContract.X);
        var ea = TableColumns.Numbers(summary, tracer ? KmcSummaryContract.EaTracer : KmcSummaryContract.EaJump);
        if (xs is null || ea is null) return (double.NaN, double.NaN, double.NaN, double.NaN);
        int row = Array.IndexOf(xs, x);
        if (row < 0) return (double.NaN, double.NaN, double.NaN, double.NaN);
        double At(string column) => TableColumns.Numbers(summary, column)?[row] ?? double.NaN;
        return tracer
            ? (ea[row], At(KmcSummaryContract.EaTracerErr), At(KmcSummaryContract.D0Tracer), At(KmcSummaryContract.D0TracerErr))
            : (ea[row], At(KmcSummaryContract.EaJumpErr), At(KmcSummaryContract.D0Jump), At(KmcSummaryContract.D0JumpErr));
    }
}
