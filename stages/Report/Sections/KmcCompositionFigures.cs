using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Science;

namespace Pipeline.Report.Sections;

/// <summary>The kMC results against composition: D*, D_J and sigma against x (one line per temperature, error bars
/// over seeds, log scale), and the 0-TM percolation against x with the threshold marked.</summary>
internal static class KmcCompositionFigures
{
    public static void Write(HtmlWriter html, KmcObservableSet set, string material)
    {
        html.Heading(3, "Transport against composition");
        var quantities = new (string Key, string Id, string Symbol, string Name)[]
        {
            (KmcObservables.Tracer, FigureIds.TracerAgainstX, "D*", "tracer diffusivity"),
            (KmcObservables.Jump, FigureIds.JumpAgainstX, "D_J", "jump (collective) diffusivity"),
            (KmcObservables.Conductivity, FigureIds.ConductivityAgainstX, "σ", "ionic conductivity"),
        };
        bool any = false;
        foreach (var (key, id, symbol, name) in quantities)
        {
            var series = set.Points.Where(p => p.Value(key) > 0 && double.IsFinite(p.Value(key)))
                .GroupBy(p => p.T).OrderBy(g => g.Key)
                .Select(g =>
                {
                    var ordered = g.OrderBy(p => p.X).ToArray();
                    return new LineSeries($"T = {Format.Number(g.Key)} K", ordered.Select(p => p.X).ToArray(),
                        ordered.Select(p => Math.Log10(p.Value(key))).ToArray(),
                        ordered.Select(p => p.Error(key) / (p.Value(key) * Math.Log(10))).ToArray());
                }).ToList();
            if (series.Count == 0) continue;
            any = true;
            var unit = KmcObservables.Unit(set, key);
            var axis = unit.Length == 0 ? $"log10 {symbol}" : $"log10 {symbol} ({unit})";
            var chart = LineChart.Render($"{char.ToUpperInvariant(name[0])}{name[1..]} against composition", $"composition x in {material}", axis, series);
            html.Figure(chart, id, $"{char.ToUpperInvariant(name[0])}{name[1..]} {symbol} (log10{(unit.Length == 0 ? "" : ", " + unit)}) against the composition x, one line per temperature; error bars are one standard error over the kMC seeds (a bar of 0.1 is a factor 1.26). "
                + "Higher lines are hotter; a line that falls with x means the added vacancies (and lost Li) slow transport down.");
        }
        if (!any) html.Paragraph("No positive diffusivity or conductivity to plot against x.", "note");
    }

    public static void WritePercolation(HtmlWriter html, IReadOnlyList<CompositionResult> compositions, string material)
    {
        var rows = compositions.Where(c => double.IsFinite(c.LiFractionSpanning) || double.IsFinite(c.PercolatingShare)).ToList();
        if (rows.Count == 0) return;
        var x = rows.Select(c => c.X).ToArray();
        var series = new List<LineSeries>
        {
            new("Li fraction in the percolating 0-TM network", x, rows.Select(c => c.LiFractionSpanning).ToArray(), rows.Select(c => c.LiFractionSpanningError).ToArray()),
            new("share of starting configurations that percolate", x, rows.Select(c => c.PercolatingShare).ToArray()),
        };
        var threshold = Threshold(rows);
        var chart = LineChart.Render("0-TM percolation against composition", $"composition x in {material}", "fraction (0 to 1)", series,
            threshold, threshold is null ? null : $"threshold x = {Format.Number(threshold.Value)}", ScottPlot.Alignment.LowerLeft, (-0.02, 1.05), outsideLegend: false);
        var thresholdText = threshold is { } t
            ? $"The dashed line marks the percolation threshold x = {Format.Number(t)}, where half of the starting configurations percolate (linear interpolation between the compositions run)."
            : $"No threshold is marked: the share of percolating configurations does not cross one half within x = {Format.Number(x.Min())} to {Format.Number(x.Max())}, so the threshold lies outside the range run.";
        html.Figure(chart, FigureIds.PercolationAgainstX,
            "Fraction of all Li in a 0-TM cluster that wraps around the periodic cell (error bars: one standard error over seeds) and the share of starting configurations whose 0-TM network percolates, against x. "
            + "Only Li in the percolating network can carry a current over long distances through the low-barrier 0-TM channels. " + thresholdText);
    }

    /// <summary>The x where the share of percolating configurations crosses 1/2, interpolated; null when it does not cross.</summary>
    public static double? Threshold(IReadOnlyList<CompositionResult> rows)
    {
        var points = rows.Where(r => double.IsFinite(r.PercolatingShare)).OrderBy(r => r.X).ToArray();
        for (int i = 1; i < points.Length; i++)
        {
            double a = points[i - 1].PercolatingShare - 0.5, b = points[i].PercolatingShare - 0.5;
            if (a == 0) return points[i - 1].X;
            if (a * b < 0) return points[i - 1].X + (points[i].X - points[i - 1].X) * a / (a - b);
        }
        return points.Length > 0 && points[^1].PercolatingShare == 0.5 ? points[^1].X : null;
    }
}
