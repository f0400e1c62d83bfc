using ScottPlot;

namespace Pipeline.Fitting.Plots;

/// <summary>Saves a plot as both PNG and SVG under one base name.</summary>
internal static class PlotFiles
{
    public const int Width = 800;
    public const int Height = 600;

    public static IReadOnlyList<string> Save(Plot plot, string directory, string baseName)
    {
        var png = Path.Combine(directory, baseName + ".png");
        var svg = Path.Combine(directory, baseName + ".svg");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        return [png, svg];
    }
}
