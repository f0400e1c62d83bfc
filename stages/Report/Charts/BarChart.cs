using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>A bar per value (ECIs per correlation function); an empty label leaves that bar without a tick label.</summary>
internal static class BarChart
{
    public static ChartImage Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Label, double Value)> values)
    {
        var plot = PlotImage.Create(title, xLabel, yLabel);
        var bars = values.Select((v, i) => new Bar
        {
            Position = i,
            Value = v.Value,
            FillColor = PlotImage.SeriesColor(v.Value >= 0 ? 0 : 3),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var ticks = values.Select((v, i) => (v.Label, i)).Where(t => t.Label.Length > 0).Select(t => new Tick(t.i, t.Label)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        return PlotImage.Render(plot);
    }
}
