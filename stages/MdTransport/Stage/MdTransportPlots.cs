using System.Globalization;
using Pipeline.Plotting;
using Pipeline.Trajectories.Analysis;
using Pipeline.Transport;
using ScottPlot;

namespace Pipeline.MdTransport.Stage;

/// <summary>The md-transport figures (PNG and SVG): tracer and collective MSD per run on log-log and linear axes with
/// the fit window marked by vertical lines, and the Arrhenius plot of D* and D_sigma with their fits. Log axes are
/// drawn as log10 of the quantity (ScottPlot draws linear axes).</summary>
public static class MdTransportPlots
{
    private const int Width = 900, Height = 650;

    public static void Save(string directory, IReadOnlyList<MdTransportResult> runs)
    {
        Directory.CreateDirectory(directory);
        PlotFiles.Save(Msd(runs, log: true), directory, "msd-loglog", Width, Height);
        PlotFiles.Save(Msd(runs, log: false), directory, "msd-linear", Width, Height);
        PlotFiles.Save(Arrhenius(runs), directory, "arrhenius", Width, Height);
    }

    private static Plot Msd(IReadOnlyList<MdTransportResult> runs, bool log)
    {
        var plot = new Plot();
        double F(double v) => log ? Math.Log10(v) : v;
        foreach (var run in runs)
        {
            var m = run.Msd;
            var keep = Enumerable.Range(0, m.Count).Where(k => !log || (m.Tracer[k] > 0 && m.LagTimes[k] > 0)).ToArray();
            if (keep.Length == 0) continue;
            var label = string.Create(CultureInfo.InvariantCulture, $"{run.File}, {run.Temperature:0} K");
            var tracer = plot.Add.ScatterLine(keep.Select(k => F(m.LagTimes[k])).ToArray(), keep.Select(k => F(m.Tracer[k])).ToArray());
            tracer.LegendText = label + ", tracer";
            var collectiveKeep = keep.Where(k => !log || m.Collective[k] > 0).ToArray();
            if (collectiveKeep.Length > 0)
            {
                var collective = plot.Add.ScatterPoints(collectiveKeep.Select(k => F(m.LagTimes[k])).ToArray(), collectiveKeep.Select(k => F(m.Collective[k])).ToArray());
                collective.Color = tracer.Color;
                collective.MarkerSize = 3;
                collective.LegendText = label + ", collective";
            }
            // Solid, thin window marks: Skia's SVG backend cannot render dashed lines.
            foreach (var edge in new[] { run.Transport.Window.Start, run.Transport.Window.End })
            {
                var line = plot.Add.VerticalLine(F(edge));
                line.Color = tracer.Color.WithAlpha(0.6);
                line.LineWidth = 1;
            }
        }
        plot.Title(log ? "MSD per ion (log-log; vertical lines: fit window)" : "MSD per ion (vertical lines: fit window)");
        plot.XLabel(log ? "log10 t (ps)" : "t (ps)");
        plot.YLabel(log ? "log10 MSD (A^2)" : "MSD (A^2)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot Arrhenius(IReadOnlyList<MdTransportResult> runs)
    {
        var plot = new Plot();
        foreach (var (name, pick) in MdTransportTables.Quantities)
        {
            var rows = runs.Where(r => pick(r).Value > 0).ToArray();
            if (rows.Length == 0) continue;
            var inv = rows.Select(r => 1000.0 / r.Temperature).ToArray();
            var logD = rows.Select(r => Math.Log10(pick(r).Value)).ToArray();
            var err = rows.Select(r => double.IsFinite(pick(r).Error) ? pick(r).Error / (pick(r).Value * Math.Log(10)) : 0.0).ToArray();
            var points = plot.Add.ScatterPoints(inv, logD);
            points.MarkerSize = 8;
            var fit = MdTransportTables.Fit(runs, pick);
            points.LegendText = double.IsFinite(fit.ActivationEnergy)
                ? string.Create(CultureInfo.InvariantCulture, $"{name}: Ea = {fit.ActivationEnergy:0.000} +- {fit.ActivationEnergyError:0.000} eV")
                : name;
            var bars = plot.Add.ErrorBar(inv, logD, err);
            bars.Color = points.Color;
            if (double.IsFinite(fit.ActivationEnergy) && fit.Prefactor > 0)
            {
                double lo = inv.Min(), hi = inv.Max();
                double Line(double x) => Math.Log10(fit.Prefactor) - fit.ActivationEnergy * (x / 1000.0) / TransportUnits.Boltzmann / Math.Log(10);
                var line = plot.Add.Line(lo, Line(lo), hi, Line(hi));
                line.Color = points.Color;
                line.LineWidth = 1;
            }
        }
        plot.Title("Arrhenius plot (MD)");
        plot.XLabel("1000 / T (1/K)");
        plot.YLabel("log10 D (cm^2/s)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
