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
        var table = new HtmlTable("input", "kind", "content hash", "producing stage", "stage type", "params hash", "params", "tool version", "created", "other metadata");
        foreach (var a in inputs.Artifacts)
        {
            table.AddRow(a.Port, Kind(a.Kind), a.Hash, a.ProducingStage ?? "n/a", a.StageType ?? "n/a", a.ParamsHash ?? "n/a", a.Parameters ?? "n/a",
                a.ToolVersion ?? "n/a", a.Created ?? "n/a", string.Join("; ", a.OtherMetadata.Select(kv => $"{kv.Key}={kv.Value}")));
        }
        table.Write(html, "Input artifacts");

        var missing = ReportPorts.Inputs.Where(p => !inputs.Has(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0) html.Paragraph("Inputs not connected in this run: " + string.Join(", ", missing) + ".", "note");

        var run = new HtmlTable("key", "value");
        foreach (var (key, value) in inputs.RunProvenance.OrderBy(kv => kv.Key, StringComparer.Ordinal)) run.AddRow(key, value);
        if (run.RowCount > 0) run.Write(html, "This report's run");
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
