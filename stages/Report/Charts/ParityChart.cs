using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>Predicted against reference values with the y = x line, one marker series per group.</summary>
internal static class ParityChart
{
    public static byte[] Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Label, double[] Reference, double[] Predicted)> series)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        var all = series.SelectMany(s => s.Reference.Concat(s.Predicted)).Where(double.IsFinite).ToArray();
        if (all.Length > 0)
        {
            double lo = all.Min(), hi = all.Max();
            var diagonal = plot.Add.Line(lo, lo, hi, hi);
            diagonal.LinePattern = LinePattern.Dashed;
            diagonal.Color = Colors.Gray;
        }
        for (int i = 0; i < series.Count; i++)
        {
            var points = plot.Add.ScatterPoints(series[i].Reference, series[i].Predicted, PlotImage.SeriesColor(i));
            points.MarkerSize = 6;
            points.LegendText = series[i].Label;
        }
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperLeft);
        return PlotImage.Png(plot);
    }
}
