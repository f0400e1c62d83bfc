using Pipeline.Contracts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>The dataset against truth.yaml: were the planted faults rejected, do the path labels and barriers read
/// from the raw files match the hops the synthesizer planted, and do the path fractions match.</summary>
internal static class TruthDatasetComparison
{
    public static void Write(HtmlWriter html, TruthDocument truth, ReportInputs inputs)
    {
        html.Heading(3, "Dataset against truth");
        WriteFaults(html, truth, inputs);
        WritePathLabels(html, truth, inputs);
        WriteBarriers(html, truth, inputs);
    }

    private static void WriteFaults(HtmlWriter html, TruthDocument truth, ReportInputs inputs)
    {
        var rejected = inputs.Table(ReportPorts.Rejected);
        if (truth.Faults.Count == 0 || rejected is null) return;
        var ids = TableColumns.Texts(rejected, RejectedContract.CalcId) ?? [];
        var reasons = TableColumns.Texts(rejected, RejectedContract.Reason) ?? new string[ids.Length];
        var reasonById = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++) reasonById.TryAdd(ids[i], reasons[i] ?? "");

        var table = new HtmlTable("calc_id", "planted fault", "file", "rejected by ingest", "reason given");
        foreach (var f in truth.Faults)
            table.AddRow(f.CalcId, f.Kind, f.File, reasonById.ContainsKey(f.CalcId) ? "yes" : "no", reasonById.GetValueOrDefault(f.CalcId, ""));
        int caught = truth.Faults.Count(f => reasonById.ContainsKey(f.CalcId));
        var planted = truth.Faults.Select(f => f.CalcId).ToHashSet(StringComparer.Ordinal);
        int unexpected = reasonById.Keys.Count(id => !planted.Contains(id));
        html.Paragraph($"Ingest rejected {caught} of {truth.Faults.Count} planted faults; {unexpected} other calculations were rejected.");
        table.Write(html, "Planted faults (truth.yaml) and what ingest made of them");
    }

    private static void WritePathLabels(HtmlWriter html, TruthDocument truth, ReportInputs inputs)
    {
        var features = inputs.Table(ReportPorts.Features);
        var ids = TableColumns.Texts(features, FeaturesContract.CalcId);
        var labels = TableColumns.Texts(features, FeaturesContract.PathLabel);
        if (ids is null || labels is null || truth.Hops.Count == 0) return;
        var truthById = truth.Hops.GroupBy(h => h.CalcId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        int matched = 0, agree = 0;
        var pairs = new Dictionary<(string Truth, string Found), int>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (!truthById.TryGetValue(ids[i], out var hop)) continue;
            matched++;
            if (hop.Path == labels[i]) agree++;
            pairs[(hop.Path, labels[i])] = pairs.GetValueOrDefault((hop.Path, labels[i])) + 1;
        }
        if (matched == 0)
        {
            html.Paragraph("No featurized calc_id is among the truth hops, so path labels cannot be compared.", "note");
            return;
        }
        html.Paragraph($"Path labels from the relaxed saddle agree with the planted path for {agree} of {matched} hops ({Format.Percent((double)agree / matched)}).");
        var table = new HtmlTable("planted path", "label from featurize", "hops");
        foreach (var ((t, f), n) in pairs.OrderBy(p => p.Key.Truth, StringComparer.Ordinal).ThenBy(p => p.Key.Found, StringComparer.Ordinal))
            table.AddRow(t, f, Format.Integer(n));
        table.Write(html, "Planted path against featurized label");

        if (truth.PathFractions.Count > 0)
        {
            var fractions = new HtmlTable("path", "truth fraction (large sample)", "fraction in this dataset");
            foreach (var (path, fraction) in truth.PathFractions)
                fractions.AddRow(path, fraction, Format.Percent((double)labels.Count(l => l == path) / labels.Length));
            fractions.Write(html, "Path fractions");
        }
    }

    private static void WriteBarriers(HtmlWriter html, TruthDocument truth, ReportInputs inputs)
    {
        var table = inputs.Table(ReportPorts.Hops) ?? inputs.Table(ReportPorts.Features);
        var ids = TableColumns.Texts(table, FeaturesContract.CalcId);
        if (ids is null || truth.Hops.Count == 0) return;
        var truthById = truth.Hops.GroupBy(h => h.CalcId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = new HtmlTable("barrier", "hops compared", "mean (read - planted) (eV)", "RMS (eV)", "max |read - planted| (eV)");
        foreach (var (column, label, planted) in new (string, string, Func<TruthHop, double>)[]
                 { ("e_kra", "E_KRA", h => h.EKra), ("e_forward", "E_f", h => h.EForward) })
        {
            if (TableColumns.Numbers(table, column) is not { } values) continue;
            var diffs = Enumerable.Range(0, ids.Length)
                .Where(i => truthById.ContainsKey(ids[i]))
                .Select(i => values[i] - planted(truthById[ids[i]]))
                .Where(double.IsFinite)
                .ToArray();
            if (diffs.Length == 0) continue;
            rows.AddRow(label, Format.Integer(diffs.Length), Format.Number(diffs.Average()),
                Format.Number(Math.Sqrt(diffs.Average(d => d * d))), Format.Number(diffs.Max(Math.Abs)));
        }
        if (rows.RowCount > 0) rows.Write(html, "Barriers read from the raw files against the planted barriers");
    }
}
