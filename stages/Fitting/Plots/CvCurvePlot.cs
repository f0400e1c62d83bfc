using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Fitting.Plots;

/// <summary>Test-fold MSE against log10(alpha): each fold faint, their mean bold, the selected alpha marked.</summary>
public static class CvCurvePlot
{
    public static IReadOnlyList<string> Save(string directory, string baseName, string title,
        double[] alphas, double[,] msePath, double[] msePathMean, double selectedAlpha)
    {
        var logAlpha = alphas.Select(Math.Log10).ToArray();
        var plot = new Plot();
        for (int f = 0; f < msePath.GetLength(0); f++)
        {
            var ys = new double[alphas.Length];
            for (int k = 0; k < alphas.Length; k++)
                ys[k] = msePath[f, k];
            var fold = plot.Add.ScatterLine(logAlpha, ys);
            fold.Color = Colors.Gray.WithAlpha(0.5);
            fold.LegendText = f == 0 ? "folds" : "";
        }
        var mean = plot.Add.ScatterLine(logAlpha, msePathMean);
        mean.LineWidth = 3;
        mean.Color = Colors.Black;
        mean.LegendText = "mean";
        var selected = plot.Add.VerticalLine(Math.Log10(selectedAlpha));
        selected.LinePattern = LinePattern.Dashed;
        selected.LegendText = "alpha_";
        plot.Title(title);
        plot.XLabel("log10(alpha)");
        plot.YLabel("test-fold MSE (eV^2)");
        plot.ShowLegend(Alignment.UpperLeft);
        return PlotFiles.Save(plot, directory, baseName);
    }
}
