using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>One row of a forest plot: an estimate with its confidence interval (NaN bounds: no interval).</summary>
internal sealed record ForestRow(string Label, double Value, double Low, double High);

/// <summary>A coefficient forest plot: one row per term, the estimate as a marker, its confidence interval as a
/// horizontal bar, and a dashed line at zero so an interval that crosses it stands out.</summary>
internal static class ForestChart
{
    public static ChartImage Render(string title, string xLabel, IReadOnlyList<ForestRow> rows)
    {
        var plot = PlotImage.Create(title, xLabel, "");
        var zero = plot.Add.VerticalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Gray;
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = rows.Count - 1 - i;
            bool spansZero = r.Low < 0 && r.High > 0;
            // Blue: interval clear of zero; vermillion: interval spans zero (sign not established).
            var color = PlotImage.SeriesColor(spansZero ? 1 : 0);
            if (double.IsFinite(r.Low) && double.IsFinite(r.High))
            {
                var bar = plot.Add.Line(r.Low, y, r.High, y);
                bar.Color = color;
                bar.LineWidth = 2.5f;
            }
            var point = plot.Add.ScatterPoints(new[] { r.Value }, new[] { y }, color);
            point.MarkerShape = spansZero ? MarkerShape.OpenDiamond : MarkerShape.FilledCircle;
            point.MarkerSize = 9;
        }
        var ticks = rows.Select((r, i) => new Tick(rows.Count - 1 - i, r.Label)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.SetLimitsY(-0.7, rows.Count - 0.3);
        return PlotImage.Render(plot);
    }
}
