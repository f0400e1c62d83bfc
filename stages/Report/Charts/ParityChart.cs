using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>Predicted against reference values with the y = x line. Later series are drawn first, larger and open,
/// so the first series (the fit) is never hidden under a reference series such as the truth.</summary>
internal static class ParityChart
{
    public static ChartImage Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Label, double[] Reference, double[] Predicted)> series)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        var all = series.SelectMany(s => s.Reference.Concat(s.Predicted)).Where(double.IsFinite).ToArray();
        if (all.Length > 0)
        {
            double lo = all.Min(), hi = all.Max();
            var diagonal = plot.Add.Line(lo, lo, hi, hi);
            diagonal.LinePattern = LinePattern.Dashed;
            diagonal.Color = Colors.Gray;
            diagonal.LegendText = "y = x";
        }
        for (int i = series.Count - 1; i >= 0; i--)
        {
            var points = plot.Add.ScatterPoints(series[i].Reference, series[i].Predicted, PlotImage.SeriesColor(i));
            points.MarkerShape = i == 0 ? MarkerShape.FilledCircle : PlotImage.SeriesMarker(4 + i);
            points.MarkerSize = i == 0 ? 5 : 8;
            points.MarkerLineWidth = 1.5f;
            points.LegendText = series[i].Label;
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return PlotImage.Render(plot);
    }
}
