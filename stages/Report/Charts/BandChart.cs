using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>A median line with a shaded band (e.g. the interquartile range) per series.</summary>
internal sealed record BandSeries(string Label, double[] X, double[] Median, double[] Low, double[] High);

/// <summary>Median lines with translucent bands, one colour, marker and line pattern per series.</summary>
internal static class BandChart
{
    public static ChartImage Render(string title, string xLabel, string yLabel, IReadOnlyList<BandSeries> series)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var outline = s.X.Select((x, k) => new Coordinates(x, s.High[k]))
                .Concat(s.X.Select((x, k) => new Coordinates(x, s.Low[k])).Reverse()).ToArray();
            var band = plot.Add.Polygon(outline);
            band.FillColor = PlotImage.SeriesColor(i).WithAlpha(0.22);
            band.LineWidth = 0;
        }
        for (int i = 0; i < series.Count; i++)
        {
            var line = plot.Add.Scatter(series[i].X, series[i].Median);
            PlotImage.Style(line, i);
            line.LineWidth = 2;
            line.LegendText = series[i].Label;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return PlotImage.Render(plot);
    }
}
