using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>One line of a line chart, with optional symmetric error bars.</summary>
internal sealed record LineSeries(string Label, double[] X, double[] Y, double[]? Error = null);

/// <summary>Line charts with markers (Arrhenius plot, quantities against x, CV and learning curves), optional error
/// bars and an optional vertical marker; every series has its own colour, marker and line pattern.</summary>
internal static class LineChart
{
    public static ChartImage Render(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series,
        double? verticalMarker = null, string? markerLabel = null, Alignment legend = Alignment.UpperRight, (double Low, double High)? yLimits = null, bool outsideLegend = true)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var scatter = plot.Add.Scatter(s.X, s.Y);
            PlotImage.Style(scatter, i);
            scatter.LegendText = s.Label;
            if (s.Error is not null && s.Error.Any(double.IsFinite))
            {
                var errors = plot.Add.ErrorBar(s.X, s.Y, s.Error.Select(e => double.IsFinite(e) ? e : 0).ToArray());
                errors.LineColor = PlotImage.SeriesColor(i);
            }
        }
        if (verticalMarker is { } x && double.IsFinite(x))
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            if (markerLabel is not null) line.LegendText = markerLabel;
        }
        if (yLimits is { } y) plot.Axes.SetLimitsY(y.Low, y.High);
        // Legends go outside the data area (right edge) so they never cover a line; LineChart's legend argument
        // is kept for callers that prefer an inside corner when there is room.
        if (series.Count > 1 || markerLabel is not null)
        {
            if (outsideLegend) plot.ShowLegend(Edge.Right);
            else plot.ShowLegend(legend);
        }
        return PlotImage.Render(plot);
    }
}
