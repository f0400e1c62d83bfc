using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>One line of a line chart, with optional symmetric error bars.</summary>
internal sealed record LineSeries(string Label, double[] X, double[] Y, double[]? Error = null);

/// <summary>Line charts with markers (Arrhenius plot, CV curve), optional error bars and an optional vertical marker.</summary>
internal static class LineChart
{
    public static byte[] Render(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series,
        double? verticalMarker = null, string? markerLabel = null)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var color = PlotImage.SeriesColor(i);
            var scatter = plot.Add.Scatter(s.X, s.Y, color);
            scatter.MarkerSize = 6;
            scatter.LegendText = s.Label;
            if (s.Error is not null && s.Error.Any(double.IsFinite))
            {
                var errors = plot.Add.ErrorBar(s.X, s.Y, s.Error.Select(e => double.IsFinite(e) ? e : 0).ToArray());
                errors.LineColor = color;
            }
        }
        if (verticalMarker is { } x && double.IsFinite(x))
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            if (markerLabel is not null) line.LegendText = markerLabel;
        }
        if (series.Count > 1 || markerLabel is not null) plot.ShowLegend(Alignment.UpperRight);
        return PlotImage.Png(plot);
    }
}
