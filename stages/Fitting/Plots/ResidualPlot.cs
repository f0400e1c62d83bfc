using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Fitting.Plots;

/// <summary>Residual (predicted - computed) against the computed barrier: shows whether errors grow with the barrier.</summary>
public static class ResidualPlot
{
    public static IReadOnlyList<string> Save(string directory, string baseName, string title,
        double[] actual, double[] predicted)
    {
        var residuals = predicted.Select((p, i) => p - actual[i]).ToArray();
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(actual, residuals);
        points.MarkerSize = 5;
        var zero = plot.Add.HorizontalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        plot.Title(title);
        plot.XLabel("NEB barrier (eV)");
        plot.YLabel("residual, predicted - NEB (eV)");
        return PlotFiles.Save(plot, directory, baseName);
    }
}
