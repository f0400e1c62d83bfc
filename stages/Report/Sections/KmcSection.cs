using Pipeline.Abstractions;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>kMC: diffusivities, conductivity, Haven ratio and more per x and T, the Arrhenius plot and fits,
/// 0-TM percolation, per-run results and the kMC stage's own plots.</summary>
internal sealed class KmcSection : IReportSection
{
    private static readonly string[] PlotOrder = ["arrhenius", "msd", "haven", "percolation", "conductivity"];

    public string Id => "kmc";
    public string Title => "Kinetic Monte Carlo";
    public IReadOnlyList<string> Ports => [ReportPorts.KmcSummary, ReportPorts.KmcResults, ReportPorts.KmcPlots];

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        var summary = inputs.Table(ReportPorts.KmcSummary);
        var results = inputs.Table(ReportPorts.KmcResults);
        var plots = inputs.Path(ReportPorts.KmcPlots);
        var observables = KmcObservables.FromSummary(summary) ?? KmcObservables.FromRuns(results);

        html.Heading(3, "Diffusion and conductivity per x and T");
        if (observables is null || observables.Points.Count == 0)
        {
            html.NotPartOfRun("kMC observables per x and T", [ReportPorts.KmcSummary, ReportPorts.KmcResults]);
        }
        else
        {
            if (summary is null)
                html.Paragraph("The summary table is not part of this run; values are means over the runs, ± their standard error.", "note");
            WriteObservables(html, observables);
            bool folderHasArrhenius = plots is not null &&
                PlotFolder.ImageFiles(plots, PlotOrder).Any(f => f.Contains("arrhenius", StringComparison.OrdinalIgnoreCase));
            KmcArrhenius.Write(html, observables.Points, summary, drawPlot: !folderHasArrhenius);
            WritePercolation(html, observables.Points);
        }
        if (summary is not null) WriteOtherSummaryColumns(html, summary, options);

        html.Heading(3, "Runs");
        if (results is not null) TableView.Write(html, results, "kMC results per run", options.MaxTableRows);
        else html.NotPartOfRun("Per-run results", [ReportPorts.KmcResults]);

        html.Heading(3, "kMC plots");
        if (plots is not null)
        {
            if (PlotFolder.Write(html, plots, PlotOrder) == 0) html.Paragraph("The kMC plot folder holds no images.", "note");
        }
        else html.NotPartOfRun("kMC plots", [ReportPorts.KmcPlots]);
    }

    private static void WriteObservables(HtmlWriter html, KmcObservableSet set)
    {
        var shown = set.Found.Where(f => f.Quantity.Key is not (KmcObservables.Percolates or KmcObservables.SpanningFraction)).ToList();
        bool hasHaven = shown.Any(f => f.Quantity.Key == KmcObservables.Haven);
        bool derivedHaven = !hasHaven
            && shown.Any(f => f.Quantity.Key == KmcObservables.Tracer) && shown.Any(f => f.Quantity.Key == KmcObservables.Jump);
        var headers = new List<string> { "x", "T (K)" };
        headers.AddRange(shown.Select(f => f.Header));
        if (derivedHaven) headers.Add("Haven ratio D*/D_J (computed here)");
        var table = new HtmlTable(headers.ToArray());
        foreach (var p in set.Points)
        {
            var cells = new List<string> { Format.Number(p.X), Format.Number(p.T) };
            cells.AddRange(shown.Select(f => Format.WithError(p.Value(f.Quantity.Key), p.Error(f.Quantity.Key))));
            if (derivedHaven) cells.Add(Format.Number(p.Value(KmcObservables.Tracer) / p.Value(KmcObservables.Jump)));
            table.AddRow(cells.ToArray());
        }
        table.Write(html, "Observables per composition and temperature (± standard error over seeds)");
    }

    private static void WritePercolation(HtmlWriter html, IReadOnlyList<KmcPoint> points)
    {
        html.Heading(3, "0-TM percolation");
        var perX = points.GroupBy(p => p.X).OrderBy(g => g.Key)
            .Select(g => (X: g.Key, Spans: g.First().Value(KmcObservables.Percolates),
                Fraction: g.First().Value(KmcObservables.SpanningFraction), FractionError: g.First().Error(KmcObservables.SpanningFraction)))
            .Where(r => double.IsFinite(r.Spans) || double.IsFinite(r.Fraction))
            .ToList();
        if (perX.Count == 0)
        {
            html.Paragraph("The kMC tables carry no percolation columns.", "note");
            return;
        }
        var table = new HtmlTable("x", "0-TM network spans the cell", "Li fraction in the spanning cluster");
        foreach (var r in perX)
        {
            var spans = double.IsNaN(r.Spans) ? "n/a" : r.Spans >= 1 ? "yes" : r.Spans <= 0 ? "no" : $"in {Format.Percent(r.Spans)} of runs";
            table.AddRow(Format.Number(r.X), spans, Format.WithError(r.Fraction, r.FractionError));
        }
        table.Write(html, "Percolation of the 0-TM network per composition (starting configurations)");
    }

    /// <summary>Summary columns the report does not show elsewhere still reach the reader, next to x and T.</summary>
    private static void WriteOtherSummaryColumns(HtmlWriter html, Table summary, ReportOptions options)
    {
        var used = KmcObservables.UsedColumns(summary);
        used.UnionWith(KmcArrhenius.FitColumns(summary));
        var key = new[] { TableColumns.Find(summary, KmcObservables.XNames), TableColumns.Find(summary, KmcObservables.TNames) };
        if (summary.Columns.All(c => used.Contains(c.Name))) return;
        var skip = summary.Columns.Select(c => c.Name).Where(n => used.Contains(n) && !key.Contains(n));
        TableView.Write(html, summary, "Further summary columns", options.MaxTableRows, skip);
    }
}
