using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Fitting.Plots;

/// <summary>Predicted against computed barrier, with the y = x line.</summary>
public static class ParityPlot
{
    public static IReadOnlyList<string> Save(string directory, string baseName, string title,
        double[] actual, double[] predicted)
    {
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(actual, predicted);
        points.MarkerSize = 5;
        points.LegendText = "CV prediction";
        double lo = Math.Min(actual.Min(), predicted.Min());
        double hi = Math.Max(actual.Max(), predicted.Max());
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "y = x";
        plot.Title(title);
        plot.XLabel("NEB barrier (eV)");
        plot.YLabel("predicted barrier (eV)");
        plot.ShowLegend(Alignment.UpperLeft);
        return PlotFiles.Save(plot, directory, baseName);
    }
}
