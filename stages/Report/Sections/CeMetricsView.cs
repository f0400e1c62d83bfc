using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>ce-fit's ce_metrics table, a long table whose <c>section</c> column says what a row is: "metric"
/// (name, value), "eci" (fitted ECI per correlation function, with truth when known) or "structure" (DFT, CE and
/// truth energy per training structure, eV per formula unit).</summary>
internal static class CeMetricsView
{
    /// <summary>False when the table does not have the sectioned layout (the caller then shows it as it is).</summary>
    public static bool TryWrite(HtmlWriter html, Table table, ReportOptions options)
    {
        var sections = TableColumns.Texts(table, CeMetricsContract.Section);
        var names = TableColumns.Texts(table, CeMetricsContract.Name);
        var values = TableColumns.Numbers(table, CeMetricsContract.Value);
        if (sections is null || names is null || values is null) return false;
        var fitted = TableColumns.Numbers(table, CeMetricsContract.Fitted) ?? Enumerable.Repeat(double.NaN, table.RowCount).ToArray();
        var truth = TableColumns.Numbers(table, CeMetricsContract.Truth) ?? Enumerable.Repeat(double.NaN, table.RowCount).ToArray();
        int[] Rows(string section) => Enumerable.Range(0, table.RowCount).Where(i => sections[i] == section).ToArray();

        var metricRows = Rows("metric");
        if (metricRows.Length > 0)
        {
            var metrics = new HtmlTable("metric", "value");
            foreach (var i in metricRows) metrics.AddRow(names[i], Format.Number(values[i]));
            metrics.Write(html, "Cluster-expansion fit (ce-fit; mev_per_site: meV per cation site, mev_per_fu: meV per formula unit)");
        }

        var structures = Rows("structure");
        if (structures.Length > 0)
        {
            var series = new List<(string, double[], double[])>
            {
                ("CE fit", structures.Select(i => values[i]).ToArray(), structures.Select(i => fitted[i]).ToArray()),
            };
            if (structures.Any(i => double.IsFinite(truth[i])))
                series.Add(("truth", structures.Select(i => values[i]).ToArray(), structures.Select(i => truth[i]).ToArray()));
            var chart = ParityChart.Render("Cluster expansion against DFT", "DFT energy (eV per formula unit)", "CE energy (eV per formula unit)", series);
            html.Figure(chart, FigureIds.CeParity, $"CE parity: energy predicted by the fitted cluster expansion (filled circles) against the DFT energy of each of the {structures.Length} training structures"
                + (series.Count > 1 ? "; open markers: the truth CE of the synthetic study at the same structures. " : ". ")
                + "Points on the dashed y = x line are reproduced exactly; the energies cluster by composition, so the next figure shows the deviations.");
            var dft = structures.Select(i => values[i]).ToArray();
            var deviations = new List<LineSeries> { new("CE fit - DFT", dft, structures.Select(i => 1000 * (fitted[i] - values[i])).ToArray()) };
            if (series.Count > 1) deviations.Add(new("truth CE - DFT", dft, structures.Select(i => 1000 * (truth[i] - values[i])).ToArray()));
            var deviation = ScatterChart.Render("Cluster-expansion error per structure", "DFT energy (eV per formula unit)", "E - E_DFT (meV per formula unit)", deviations);
            html.Figure(deviation, FigureIds.CeDeviation, "Error of the cluster expansion per training structure: CE energy minus DFT energy (meV per formula unit) against the DFT energy; filled circles the fitted CE"
                + (series.Count > 1 ? ", open squares the truth CE (its scatter is the noise planted in the synthetic DFT energies, the floor no fit can beat)." : ".")
                + " A fit whose spread matches the truth's has learned all there is to learn; a trend within a composition cluster means missing interactions.");
        }

        var eciRows = Rows("eci").Where(i => double.IsFinite(truth[i])).ToArray();
        if (eciRows.Length > 0)
        {
            var orbits = TableColumns.Numbers(table, CeMetricsContract.Orbit);
            var decorations = TableColumns.Texts(table, CeMetricsContract.Decoration);
            var ecis = new HtmlTable("function", "orbit", "decoration", "fitted ECI (eV)", "truth ECI (eV)", "fitted - truth");
            foreach (var i in eciRows)
            {
                ecis.AddRow(names[i], orbits is null ? "" : Format.Number(orbits[i]), decorations?[i] ?? "",
                    Format.Number(values[i]), Format.Number(truth[i]), Format.Number(values[i] - truth[i]));
            }
            ecis.Write(html, "Fitted ECIs against the truth CE", options.MaxTableRows);
        }
        return true;
    }
}
