using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>Points without lines, one marker and colour per series (first series filled, later ones open and drawn
/// underneath so they never hide it), with a dashed zero line.</summary>
internal static class ScatterChart
{
    public static ChartImage Render(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        var zero = plot.Add.HorizontalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Gray;
        for (int i = series.Count - 1; i >= 0; i--)
        {
            var points = plot.Add.ScatterPoints(series[i].X, series[i].Y, PlotImage.SeriesColor(i));
            points.MarkerShape = i == 0 ? MarkerShape.FilledCircle : PlotImage.SeriesMarker(4 + i);
            points.MarkerSize = i == 0 ? 5 : 7;
            points.LegendText = series[i].Label;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return PlotImage.Render(plot);
    }
}
