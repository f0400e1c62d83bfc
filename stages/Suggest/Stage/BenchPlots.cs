using Pipeline.ActiveLearning.Loop;
using Pipeline.Plotting;
using ScottPlot;

namespace Pipeline.Suggest.Stage;

/// <summary>Learning curves averaged over seeds: error against the truth (solid markers) and LassoCV CV error.</summary>
internal static class BenchPlots
{
    public static void Save(string directory, IReadOnlyList<CurvePoint> points)
    {
        Directory.CreateDirectory(directory);
        var plot = new Plot();
        foreach (var strategy in points.Select(p => p.Strategy).Distinct())
        {
            var curve = points.Where(p => p.Strategy == strategy).GroupBy(p => p.Calculations).OrderBy(g => g.Key)
                .Select(g => (N: (double)g.Key, Truth: g.Average(p => p.TruthRmse) * 1000, Cv: g.Average(p => p.CvRmse) * 1000)).ToArray();
            var truth = plot.Add.ScatterLine(curve.Select(c => c.N).ToArray(), curve.Select(c => c.Truth).ToArray());
            truth.LegendText = $"{strategy}: error vs truth (fresh hops)";
            truth.MarkerSize = 6;
            var cv = plot.Add.ScatterLine(curve.Select(c => c.N).ToArray(), curve.Select(c => c.Cv).ToArray());
            cv.LegendText = $"{strategy}: LassoCV CV error";
            cv.Color = truth.Color.WithAlpha(0.45);
            cv.MarkerSize = 3;
        }
        plot.Title("Active-learning loop: KRA model error against NEB calculations (mean over seeds)");
        plot.XLabel("NEB calculations (labelled hops)");
        plot.YLabel("RMSE (meV)");
        plot.ShowLegend(Alignment.UpperRight);
        PlotFiles.Save(plot, directory, "learning-curves", 900, 650);
    }
}
