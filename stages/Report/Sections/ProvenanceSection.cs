using Pipeline.Abstractions;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Provenance: every input artifact with its content hash, producing stage, params hash and tool version,
/// and the provenance of this report's own run. Always present: it also lists the inputs that were not connected.</summary>
internal sealed class ProvenanceSection : IReportSection
{
    public string Id => "provenance";
    public string Title => "Provenance";
    public IReadOnlyList<string> Ports => ReportPorts.Inputs.Select(p => p.Name).ToList();
    public bool AlwaysShown => true;

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        // Clock readings (created_utc, run times) are left out: they go to run records, not artifacts, and a report
        // of the same inputs must be byte-identical (issue #17).
        html.Paragraph("Every input's content hash identifies it exactly; creation and run times are not part of the report (they are in the engine's run records), so the same inputs give the same report bytes.", "note");
        var table = new HtmlTable("input", "kind", "content hash", "producing stage", "stage type", "params hash", "params", "tool version", "other metadata");
        foreach (var a in inputs.Artifacts)
        {
            table.AddRow(a.Port, Kind(a.Kind), a.Hash, a.ProducingStage ?? "n/a", a.StageType ?? "n/a", a.ParamsHash ?? "n/a", a.Parameters ?? "n/a",
                a.ToolVersion ?? "n/a", string.Join("; ", a.OtherMetadata.Select(kv => $"{kv.Key}={kv.Value}")));
        }
        html.OpenDetails($"Input artifacts: hashes, producing stages, params ({inputs.Artifacts.Count} inputs)");
        table.Write(html, "Input artifacts", collapsed: false);
        html.Close("details");

        var missing = ReportPorts.Named(inputs.Has).Where(p => !inputs.Has(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0) html.Paragraph("Inputs not connected in this run: " + string.Join(", ", missing) + ".", "note");

        var run = new HtmlTable("key", "value");
        foreach (var (key, value) in inputs.RunProvenance.Where(kv => !ProvenanceKeys.IsTime(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            run.AddRow(key, value);
        if (run.RowCount > 0)
        {
            html.OpenDetails($"This report's run ({run.RowCount} keys)");
            run.Write(html, "This report's run", collapsed: false);
            html.Close("details");
        }
        else html.Paragraph("The engine gave no provenance for this report's run.", "note");
    }

    private static string Kind(PortKind kind) => kind switch
    {
        PortKind.Table => "table",
        PortKind.File => "file",
        PortKind.Directory => "directory",
        _ => kind.ToString(),
    };
}
