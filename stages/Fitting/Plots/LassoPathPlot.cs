using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Fitting.Plots;

/// <summary>Standardised coefficients against log10(alpha), one line per descriptor, the selected alpha marked.</summary>
public static class LassoPathPlot
{
    public static IReadOnlyList<string> Save(string directory, string baseName, string title,
        double[] alphas, double[,] coefficients, IReadOnlyList<string> features, double selectedAlpha)
    {
        var logAlpha = alphas.Select(Math.Log10).ToArray();
        var plot = new Plot();
        for (int j = 0; j < features.Count; j++)
        {
            var ys = new double[alphas.Length];
            for (int k = 0; k < alphas.Length; k++)
                ys[k] = coefficients[k, j];
            var line = plot.Add.ScatterLine(logAlpha, ys);
            line.LegendText = features[j];
        }
        var selected = plot.Add.VerticalLine(Math.Log10(selectedAlpha));
        selected.LinePattern = LinePattern.Dashed;
        selected.LegendText = "alpha_";
        plot.Title(title);
        plot.XLabel("log10(alpha)");
        plot.YLabel("coefficient (eV per std of descriptor)");
        plot.ShowLegend(Alignment.UpperRight);
        return PlotFiles.Save(plot, directory, baseName);
    }
}
