using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;
using Pipeline.Report.Science;

namespace Pipeline.Report.Sections;

/// <summary>kMC: D*, D_J and sigma against x, the Arrhenius plot and fits, 0-TM percolation against x, then (collapsed)
/// the observables per x and T, per-run results and the kMC stage's own plots.</summary>
internal sealed class KmcSection : IReportSection
{
    private static readonly string[] PlotOrder = ["arrhenius", "msd", "haven", "percolation", "conductivity"];

    public string Id => "kmc";
    public string Title => "Kinetic Monte Carlo";
    public IReadOnlyList<string> Ports => [ReportPorts.KmcSummary, ReportPorts.KmcResults, ReportPorts.KmcPlots, ReportPorts.KmcMsd];

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        var summary = inputs.Table(ReportPorts.KmcSummary);
        var results = inputs.Table(ReportPorts.KmcResults);
        var plots = inputs.Path(ReportPorts.KmcPlots);
        var observables = KmcObservables.FromSummary(summary) ?? KmcObservables.FromRuns(results);
        ScienceWarningsView.WriteFor(html, inputs, Id);
        if (!inputs.Has(ReportPorts.KmcMsd))
            html.Paragraph($"Whether each run's MSD is linear in time (diffusive) is not checked: input {ReportPorts.KmcMsd} is not connected.", "note");

        if (observables is null || observables.Points.Count == 0)
        {
            html.NotPartOfRun("kMC observables per x and T", [ReportPorts.KmcSummary, ReportPorts.KmcResults]);
        }
        else
        {
            if (summary is null)
                html.Paragraph("The summary table is not part of this run; values are means over the runs, ± their standard error.", "note");
            KmcCompositionFigures.Write(html, observables, inputs.MaterialName);
            KmcArrhenius.Write(html, observables.Points, summary, KmcObservables.Unit(observables, KmcObservables.Tracer) is { Length: > 0 } u ? u : "as in the table");
            WritePercolation(html, observables.Points, inputs.MaterialName);
            html.Heading(3, "Observables per x and T");
            html.OpenDetails($"Table of every observable per composition and temperature ({observables.Points.Count} rows)");
            WriteObservables(html, observables);
            html.Close("details");
        }
        if (summary is not null) WriteOtherSummaryColumns(html, summary, options);

        html.Heading(3, "Runs");
        if (results is not null)
        {
            html.OpenDetails($"kMC results per run ({results.RowCount} runs)");
            TableView.Write(html, results, "kMC results per run", options.MaxTableRows);
            html.Close("details");
        }
        else html.NotPartOfRun("Per-run results", [ReportPorts.KmcResults]);

        html.Heading(3, "The kmc stage's own plots");
        if (plots is not null)
        {
            html.OpenDetails("Plots written by the kmc stage (Arrhenius, MSD against time per run)");
            if (PlotFolder.Write(html, plots, PlotOrder) == 0) html.Paragraph("The kMC plot folder holds no images.", "note");
            html.Close("details");
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
        table.Write(html, "Observables per composition and temperature (± standard error over seeds)", collapsed: false);
    }

    private static void WritePercolation(HtmlWriter html, IReadOnlyList<KmcPoint> points, string material)
    {
        html.Heading(3, "0-TM percolation");
        var compositions = CompositionResult.From(points);
        var perX = compositions.Where(c => double.IsFinite(c.PercolatingShare) || double.IsFinite(c.LiFractionSpanning)).ToList();
        if (perX.Count == 0)
        {
            html.Paragraph("The kMC tables carry no percolation columns.", "note");
            return;
        }
        KmcCompositionFigures.WritePercolation(html, perX, material);
        var table = new HtmlTable("x", "0-TM network spans the cell", "Li fraction in the spanning cluster");
        foreach (var r in perX)
        {
            var spans = double.IsNaN(r.PercolatingShare) ? "n/a" : r.PercolatingShare >= 1 ? "yes" : r.PercolatingShare <= 0 ? "no" : $"in {Format.Percent(r.PercolatingShare)} of runs";
            table.AddRow(Format.Number(r.X), spans, Format.WithError(r.LiFractionSpanning, r.LiFractionSpanningError));
        }
        table.Write(html, "Percolation of the 0-TM network per composition (starting configurations)");
    }

    /// <summary>Summary columns the report does not show elsewhere still reach the reader, next to x and T.</summary>
    private static void WriteOtherSummaryColumns(HtmlWriter html, Table summary, ReportOptions options)
    {
        var used = KmcObservables.UsedColumns(summary);
        used.UnionWith(KmcArrhenius.FitColumns(summary));
        var key = new[] { TableColumns.Find(summary, KmcObservables.X), TableColumns.Find(summary, KmcObservables.T) };
        if (summary.Columns.All(c => used.Contains(c.Name))) return;
        var skip = summary.Columns.Select(c => c.Name).Where(n => used.Contains(n) && !key.Contains(n));
        TableView.Write(html, summary, "Further summary columns", options.MaxTableRows, skip);
    }
}
