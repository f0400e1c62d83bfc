using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Cluster expansion: the fit's CV error and metrics, CE against DFT energies, ECIs against truth, and the
/// ECIs per orbit from eci.json (table and bar chart).</summary>
internal sealed class ClusterExpansionSection : IReportSection
{
    public string Id => "cluster-expansion";
    public string Title => "Cluster expansion";
    public IReadOnlyList<string> Ports => [ReportPorts.CeMetrics, ReportPorts.Eci];

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Heading(3, "Fit quality");
        if (inputs.Table(ReportPorts.CeMetrics) is { } metrics)
        {
            if (!CeMetricsView.TryWrite(html, metrics, options))
                TableView.Write(html, metrics, "Cluster-expansion metrics (ce-fit)", options.MaxTableRows);
        }
        else
            html.NotPartOfRun("CE metrics", [ReportPorts.CeMetrics]);

        html.Heading(3, "Effective cluster interactions");
        if (inputs.Eci is not { } eci)
        {
            html.NotPartOfRun("ECIs", [ReportPorts.Eci]);
            return;
        }
        WriteModelFacts(html, eci);
        WriteOrbits(html, eci, options);
    }

    private static void WriteModelFacts(HtmlWriter html, EciFile eci)
    {
        var facts = new HtmlTable("property", "value");
        if (eci.LatticeConstant is { } a) facts.AddRow("lattice constant a (Angstrom)", Format.Number(a));
        if (eci.Cutoffs is { } cutoffs) facts.AddRow("cutoffs per cluster size (a): pairs, triplets, ...", cutoffs);
        facts.AddRow("orbits", Format.Integer(eci.Orbits.Count));
        facts.AddRow("correlation functions", Format.Integer(eci.Orbits.Sum(o => o.Ecis.Count)));
        if (eci.J0 is { } j0) facts.AddRow("constant term j0 (eV per primitive cell)", Format.Number(j0));
        if (eci.FitMethod is { } method) facts.AddRow("fit method", method);
        foreach (var (key, value) in eci.FitMetrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            facts.AddRow("fit: " + key, value);
        facts.Write(html, "Model (eci.json)");
        if (eci.Basis is { } basis) html.Paragraph("Site basis: " + basis, "note");
        if (eci.Energy is { } energy) html.Paragraph("Energy: " + energy, "note");
    }

    private static void WriteOrbits(HtmlWriter html, EciFile eci, ReportOptions options)
    {
        var table = new HtmlTable("orbit", "size", "multiplicity", "diameter (a)", "representative cluster (positions in a/2)", "site functions", "ECI (eV)");
        foreach (var o in eci.Orbits)
        {
            table.AddRow(Format.Integer(o.Index), Format.Integer(o.Size),
                o.Multiplicity is { } m ? Format.Number(m) : "n/a", o.Diameter is { } r ? Format.Number(r) : "n/a",
                o.Sites, string.Join(" ", o.Ecis.Select(e => e.Functions)), string.Join(", ", o.Ecis.Select(e => Format.Number(e.Eci))));
        }
        table.Write(html, "Orbits and ECIs (one ECI per decoration / correlation function)", options.MaxTableRows);

        // Point terms act like chemical potentials and dwarf the cluster terms: the chart shows clusters of 2+ sites,
        // one bar per correlation function, labelled with the orbit index at its first function.
        var bars = eci.Orbits
            .Where(o => o.Size >= 2)
            .SelectMany(o => o.Ecis.Select((e, k) => (Label: k == 0 ? Format.Integer(o.Index) : "", Value: e.Eci)))
            .Where(b => double.IsFinite(b.Value))
            .Take(80)
            .ToList();
        if (bars.Count == 0) return;
        var chart = BarChart.Render("Effective cluster interactions of clusters with 2 or more sites", "orbit index", "ECI (eV)", bars);
        html.Figure(chart, "fig-eci", "Effective cluster interactions (eV) of the pair and larger clusters (first 80 correlation functions), labelled by orbit index at each orbit's first function. Positive (blue) ECIs penalise, negative (vermillion) ECIs favour the decoration; point terms are left out because they act as chemical potentials.");
    }
}
