using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>A histogram of one quantity, optionally split into series (e.g. per path type) drawn side by side
/// within each bin so that no series hides another.</summary>
internal static class HistogramChart
{
    public static ChartImage Render(string title, string xLabel, IReadOnlyList<(string Label, double[] Values)> series)
    {
        var bins = new HistogramBins(series.Select(s => s.Values).ToList());
        var plot = PlotImage.Create(title, xLabel, "count");
        double barWidth = bins.Width / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var color = PlotImage.SeriesColor(s);
            var bars = new List<Bar>(bins.BinCount);
            for (int b = 0; b < bins.BinCount; b++)
            {
                bars.Add(new Bar
                {
                    Position = bins.Min + b * bins.Width + (s + 0.5) * barWidth,
                    Value = bins.Counts[s][b],
                    Size = barWidth,
                    FillColor = color,
                    LineWidth = 0,
                });
            }
            var plottable = plot.Add.Bars(bars);
            if (series.Count > 1) plottable.LegendText = $"{series[s].Label} (n = {series[s].Values.Count(double.IsFinite)})";
        }
        plot.Axes.Margins(bottom: 0);
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        return PlotImage.Render(plot);
    }
}
