using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>Renders a ScottPlot figure to PNG bytes in memory with the report's common look.</summary>
internal static class PlotImage
{
    public const int Width = 720;
    public const int Height = 420;

    public static Color SeriesColor(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
