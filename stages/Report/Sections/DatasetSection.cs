using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Dataset: how many calculations were ingested and rejected (with reasons), path-type counts,
/// barrier statistics and histograms.</summary>
internal sealed class DatasetSection : IReportSection
{
    private static readonly (string Column, string Label)[] Energies =
    [
        ("e_forward", "forward barrier E_f (eV)"),
        ("e_backward", "backward barrier E_b (eV)"),
        ("e_kra", "KRA barrier E_KRA (eV)"),
        ("e_reaction", "reaction energy dE (eV)"),
    ];

    public string Id => "dataset";
    public string Title => "Dataset";
    public IReadOnlyList<string> Ports => [ReportPorts.Hops, ReportPorts.Rejected, ReportPorts.Features];

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        var hops = inputs.Table(ReportPorts.Hops);
        var rejected = inputs.Table(ReportPorts.Rejected);
        var features = inputs.Table(ReportPorts.Features);

        WriteCounts(html, hops, rejected, features);
        WriteRejected(html, rejected, options);
        WritePathTypes(html, features ?? hops);
        WriteEnergies(html, hops, features);
        NebProfiles.Write(html, hops, features);
    }

    private static void WriteCounts(HtmlWriter html, Table? hops, Table? rejected, Table? features)
    {
        var counts = new HtmlTable("quantity", "value");
        if (hops is not null)
        {
            counts.AddRow("NEB calculations ingested (accepted hops)", Format.Integer(hops.RowCount));
            if (TableColumns.Texts(hops, HopsContract.MovingSpecies) is { } moving)
            {
                foreach (var g in moving.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal))
                    counts.AddRow($"hops whose moving ion is {g.Key}", Format.Integer(g.Count()));
            }
            if (TableColumns.Flags(hops, HopsContract.Climbing) is { } climbing)
                counts.AddRow("climbing-image NEBs", Format.Integer(climbing.Count(c => c)));
        }
        if (rejected is not null)
        {
            counts.AddRow("rejection records", Format.Integer(rejected.RowCount));
            if (TableColumns.Texts(rejected, RejectedContract.CalcId) is { } ids)
                counts.AddRow("distinct calculations rejected", Format.Integer(ids.Distinct(StringComparer.Ordinal).Count()));
        }
        if (features is not null)
        {
            counts.AddRow("hops featurized", Format.Integer(features.RowCount));
            // featurize records how many hops it could not map onto the lattice in its table metadata.
            var skipped = features.Metadata.FirstOrDefault(kv => kv.Key.EndsWith("skipped", StringComparison.Ordinal));
            if (skipped.Key is not null) counts.AddRow("hops skipped by featurize", skipped.Value);
        }
        counts.Write(html, "Calculations");
    }

    private static void WriteRejected(HtmlWriter html, Table? rejected, ReportOptions options)
    {
        html.Heading(3, "Rejected calculations");
        if (rejected is null)
        {
            html.NotPartOfRun("Rejected calculations", [ReportPorts.Rejected]);
            return;
        }
        if (rejected.RowCount == 0)
        {
            html.Paragraph("No calculation was rejected.");
            return;
        }
        if (TableColumns.Texts(rejected, RejectedContract.Reason) is { } reasons)
        {
            var byReason = new HtmlTable("reason", "calculations");
            foreach (var g in reasons.GroupBy(ReasonCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                byReason.AddRow(g.Key, Format.Integer(g.Count()));
            byReason.Write(html, "Rejections by reason");
        }
        TableView.Write(html, rejected, "Every rejection (calc_id, reason, file, line)", options.MaxTableRows);
    }

    /// <summary>Ingest writes reasons as "code: details" (e.g. "missing_image_folder: image folder 07 is missing");
    /// rejections are grouped by the code so that one cause is one row.</summary>
    private static string ReasonCode(string reason)
    {
        int colon = reason.IndexOf(':');
        return colon > 0 && reason[..colon].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? reason[..colon]
            : reason;
    }

    private static void WritePathTypes(HtmlWriter html, Table? table)
    {
        html.Heading(3, "Path types");
        if (TableColumns.Texts(table, FeaturesContract.PathLabel) is not { } labels)
        {
            html.NotPartOfRun("Path-type counts", [ReportPorts.Features]);
            return;
        }
        var eKra = TableColumns.Numbers(table, FeaturesContract.EKra);
        var eForward = TableColumns.Numbers(table, FeaturesContract.EForward);
        var counts = new HtmlTable("path type", "hops", "share", "mean E_KRA (eV)", "mean E_f (eV)");
        foreach (var g in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => PathOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            counts.AddRow(g.Key, Format.Integer(g.Count()), Format.Percent((double)g.Count() / labels.Length),
                eKra is null ? "n/a" : Format.Number(Statistics.Of(g.Select(i => eKra[i])).Mean),
                eForward is null ? "n/a" : Format.Number(Statistics.Of(g.Select(i => eForward[i])).Mean));
        }
        counts.Write(html, "Hops per path type (DOMAIN.md section 3)");
    }

    private static void WriteEnergies(HtmlWriter html, Table? hops, Table? features)
    {
        html.Heading(3, "Barriers");
        var source = hops ?? features;
        if (source is null)
        {
            html.NotPartOfRun("Barrier statistics", [ReportPorts.Hops, ReportPorts.Features]);
            return;
        }
        var stats = new HtmlTable("quantity", "n", "mean", "std", "min", "median", "max");
        foreach (var (column, label) in Energies)
        {
            if ((TableColumns.Numbers(hops, column) ?? TableColumns.Numbers(features, column)) is not { } values) continue;
            var s = Statistics.Of(values);
            stats.AddRow(label, Format.Integer(s.Count), Format.Number(s.Mean), Format.Number(s.Std),
                Format.Number(s.Min), Format.Number(s.Median), Format.Number(s.Max));
        }
        stats.Write(html, "Energies of the accepted hops (std: population)");

        foreach (var (column, label) in Energies.Take(3))
        {
            var series = HistogramSeries(column, hops, features);
            if (series.Count == 0) continue;
            var chart = HistogramChart.Render($"Histogram of the {label}", label, series);
            html.Figure(chart, "fig-histogram-" + column.Replace('_', '-'), series.Count > 1
                ? $"Distribution of the {label} of the accepted hops, one colour per path type (bars side by side within each bin; n per type in the legend). A path type whose bars sit to the right has higher barriers."
                : $"Distribution of the {label} of the accepted hops.");
        }
    }

    /// <summary>One series per path label when the labels are known alongside the column, else one series.</summary>
    private static List<(string Label, double[] Values)> HistogramSeries(string column, Table? hops, Table? features)
    {
        foreach (var table in new[] { features, hops })
        {
            if (TableColumns.Numbers(table, column) is not { } values) continue;
            if (TableColumns.Texts(table, FeaturesContract.PathLabel) is { } labels)
            {
                return Enumerable.Range(0, values.Length).GroupBy(i => labels[i])
                    .OrderBy(g => PathOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.Select(i => values[i]).ToArray())).ToList();
            }
        }
        var all = TableColumns.Numbers(hops, column) ?? TableColumns.Numbers(features, column);
        return all is null ? [] : [("all hops", all)];
    }

    private static int PathOrder(string label) => label switch { "up" => 0, "down" => 1, "straight" => 2, _ => 3 };
}
