using Pipeline.Plotting;
using System.Globalization;
using Pipeline.Abstractions;
using ScottPlot;

namespace Pipeline.Kmc.Stage;

/// <summary>The kmc figures (PNG and SVG): Arrhenius plot of the tracer diffusivity per composition, and the
/// seed-averaged tracer MSD against time per (x, T). Axes are log10 of the quantity (ScottPlot draws linear axes).</summary>
public static class KmcPlots
{
    private const int Width = 900, Height = 650;

    public static void Save(string directory, Table summary, Table msd)
    {
        Directory.CreateDirectory(directory);
        Save(Arrhenius(summary), directory, "arrhenius");
        Save(MsdCurves(msd), directory, "msd");
    }

    private static Plot Arrhenius(Table summary)
    {
        var plot = new Plot();
        var xs = summary.Doubles("x");
        var ts = summary.Doubles("temperature");
        var d = summary.Doubles("d_tracer_cm2_s_mean");
        var se = summary.Doubles("d_tracer_cm2_s_stderr");
        var ea = summary.Doubles("arrhenius_ea_tracer_ev");
        var d0 = summary.Doubles("arrhenius_d0_tracer_cm2_s");
        foreach (var x in xs.Distinct().Order())
        {
            var rows = Enumerable.Range(0, summary.RowCount).Where(i => xs[i] == x && d[i] > 0).ToArray();
            if (rows.Length == 0) continue;
            var inv = rows.Select(i => 1000.0 / ts[i]).ToArray();
            var logD = rows.Select(i => Math.Log10(d[i])).ToArray();
            var err = rows.Select(i => double.IsFinite(se[i]) ? se[i] / (d[i] * Math.Log(10)) : 0.0).ToArray();
            var points = plot.Add.ScatterPoints(inv, logD);
            points.MarkerSize = 8;
            var label = $"x = {x.ToString("0.###", CultureInfo.InvariantCulture)}";
            if (double.IsFinite(ea[rows[0]]))
                label += $", Ea = {ea[rows[0]].ToString("0.000", CultureInfo.InvariantCulture)} eV";
            points.LegendText = label;
            var bars = plot.Add.ErrorBar(inv, logD, err);
            bars.Color = points.Color;
            if (double.IsFinite(ea[rows[0]]) && d0[rows[0]] > 0)
            {
                double lo = inv.Min(), hi = inv.Max();
                double Line(double invT) => Math.Log10(d0[rows[0]]) - ea[rows[0]] * (invT / 1000.0) / Units.Boltzmann / Math.Log(10);
                var fit = plot.Add.Line(lo, Line(lo), hi, Line(hi));
                fit.Color = points.Color;
                // Solid, thin: Skia's SVG backend cannot render dash path effects and prints a warning per line.
                fit.LineWidth = 1;
            }
        }
        plot.Title("Arrhenius plot of the tracer diffusivity");
        plot.XLabel("1000 / T (1/K)");
        plot.YLabel("log10 D* (cm^2/s)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot MsdCurves(Table msd)
    {
        var plot = new Plot();
        var xs = msd.Doubles("x");
        var ts = msd.Doubles("temperature");
        var samples = msd.Longs("sample");
        var time = msd.Doubles("time_s");
        var tracer = msd.Doubles("msd_tracer_a2");
        foreach (var key in Enumerable.Range(0, msd.RowCount).Select(i => (X: xs[i], T: ts[i])).Distinct().OrderBy(k => k.X).ThenBy(k => k.T))
        {
            // Seed average at each sample index.
            var curve = Enumerable.Range(0, msd.RowCount).Where(i => xs[i] == key.X && ts[i] == key.T)
                .GroupBy(i => samples[i]).OrderBy(g => g.Key)
                .Select(g => (T: g.Average(i => time[i]), M: g.Average(i => tracer[i])))
                .Where(p => p.T > 0 && p.M > 0).ToArray();
            if (curve.Length == 0) continue;
            var line = plot.Add.ScatterLine(curve.Select(p => Math.Log10(p.T)).ToArray(), curve.Select(p => Math.Log10(p.M)).ToArray());
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"x = {key.X:0.###}, T = {key.T:0} K");
        }
        plot.Title("Tracer mean squared displacement (seed average)");
        plot.XLabel("log10 t (s)");
        plot.YLabel("log10 MSD (A^2)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void Save(Plot plot, string directory, string name)
        => PlotFiles.Save(plot, directory, name, Width, Height);
}
