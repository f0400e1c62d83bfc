using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Report.Charts;

/// <summary>The report's common chart look: the Okabe-Ito palette (safe for the common colour-vision deficiencies)
/// with a distinct marker and line pattern per series, so series stay apart in greyscale print too, and one font
/// family. Renders to PNG and SVG in memory, deterministically (SVG clip ids renumbered).</summary>
internal static class PlotImage
{
    public const int Width = 720;
    public const int Height = 420;
    public const string FontName = "DejaVu Sans";

    /// <summary>Okabe &amp; Ito (2008), without yellow (too faint on white) first: blue, vermillion, bluish green,
    /// reddish purple, orange, sky blue, black, yellow.</summary>
    private static readonly Color[] OkabeIto =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    private static readonly MarkerShape[] Markers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenTriangleDown, MarkerShape.Eks, MarkerShape.Cross,
    ];

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static Color SeriesColor(int index) => OkabeIto[index % OkabeIto.Length];

    public static MarkerShape SeriesMarker(int index) => Markers[index % Markers.Length];

    /// <summary>Solid for the first palette round, then dashed, dotted...: colour and pattern together stay unique
    /// for 32 series.</summary>
    public static LinePattern SeriesPattern(int index) => Patterns[index / OkabeIto.Length % Patterns.Length];

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        return plot;
    }

    /// <summary>Styles a scatter as series <paramref name="index"/>: colour, marker and line pattern.</summary>
    public static void Style(ScottPlot.Plottables.Scatter scatter, int index, bool line = true)
    {
        scatter.Color = SeriesColor(index);
        scatter.MarkerShape = SeriesMarker(index);
        scatter.MarkerSize = 8;
        scatter.LineWidth = line ? 1.5f : 0;
        scatter.LinePattern = SeriesPattern(index);
    }

    public static ChartImage Render(Plot plot) =>
        new(plot.GetImageBytes(Width, Height, ImageFormat.Png), PlotFiles.NormalizeSvgIds(plot.GetSvgXml(Width, Height)));

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
