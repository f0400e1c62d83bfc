using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Fitting.Plots;

/// <summary>Standardised coefficients against log10(alpha), one line per descriptor, the selected alpha marked.
/// Eleven descriptors outnumber any palette, so each line has its own colour-marker-pattern combination: the
/// Okabe-Ito colours (safe for colour-vision deficiencies), solid for the first eight and dashed after, with a
/// distinct marker, so no two descriptors look alike on screen or in greyscale print.</summary>
public static class LassoPathPlot
{
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

    public static IReadOnlyList<string> Save(string directory, string baseName, string title,
        double[] alphas, double[,] coefficients, IReadOnlyList<string> features, double selectedAlpha)
    {
        var logAlpha = alphas.Select(Math.Log10).ToArray();
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        for (int j = 0; j < features.Count; j++)
        {
            var ys = new double[alphas.Length];
            for (int k = 0; k < alphas.Length; k++)
                ys[k] = coefficients[k, j];
            var line = plot.Add.Scatter(logAlpha, ys);
            line.Color = OkabeIto[j % OkabeIto.Length];
            // Beyond the palette the (colour, marker) pair tells lines apart: unique for 24 descriptors. Dashes would
            // not survive the SVG export (Skia's SVG canvas drops dashed paths, warning on stderr per segment).
            line.LinePattern = LinePattern.Solid;
            line.LineWidth = 1.5f;
            line.MarkerShape = Markers[j % Markers.Length];
            line.MarkerSize = 5;
            line.LegendText = features[j];
        }
        var selected = plot.Add.VerticalLine(Math.Log10(selectedAlpha));
        selected.LinePattern = LinePattern.Dashed;
        selected.Color = Colors.Gray;
        selected.LegendText = "alpha_";
        plot.Title(title);
        plot.XLabel("log10(alpha) (alpha in eV)");
        plot.YLabel("coefficient (eV per std of descriptor)");
        plot.ShowLegend(Alignment.UpperRight);
        return PlotFiles.Save(plot, directory, baseName);
    }
}
