using Pipeline.Report.Html;
using Pipeline.Report.Inputs;
using Pipeline.Report.Sections;

namespace Pipeline.Report;

/// <summary>Turns the loaded inputs into one self-contained HTML document: inline CSS, images as data URIs,
/// no scripts and no external references. The output depends only on the inputs (no clock), so the same run
/// gives the same bytes.</summary>
public static class ReportRenderer
{
    private static readonly IReportSection[] Sections =
    [
        new HeadlineSection(),
        new DatasetSection(),
        new FitsSection(),
        new ClusterExpansionSection(),
        new KmcSection(),
        new MdTransportSection(),
        new TruthSection(),
        new ProvenanceSection(),
    ];

    /// <summary>Section ids in document order (anchors of the table of contents).</summary>
    public static IReadOnlyList<string> SectionIds => Sections.Select(s => s.Id).ToList();

    /// <param name="warn">Told when a section fails; that section then shows the error and the rest still renders.</param>
    public static string Render(ReportInputs inputs, ReportOptions options, Action<string> warn)
    {
        var html = new HtmlWriter();
        html.Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", options.Title)
            .Markup("\n<style>\n").Markup(ReportStyles.Css).Markup("</style>\n</head>\n<body>\n");
        WriteHeader(html, inputs, options);
        var shown = Sections.Where(s => !s.OmittedWhenUnconnected || s.Ports.Any(inputs.Has)).ToList();
        WriteContents(html, shown);
        foreach (var section in shown)
            WriteSection(html, section, inputs, options, warn);
        html.Markup("\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteHeader(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Open("header", "report-header").Element("h1", options.Title);
        var line = new List<string>();
        if (ProvenanceKeys.Find(inputs.RunProvenance, ProvenanceKeys.ToolVersion) is { } version) line.Add("pipeline " + version);
        if (ProvenanceKeys.Find(inputs.RunProvenance, ProvenanceKeys.Stage) is { } stage) line.Add("stage " + stage);
        line.Add($"{inputs.Artifacts.Count} of {ReportPorts.Named(inputs.Has).Count} inputs connected");
        html.Paragraph(string.Join(" · ", line), "note").Close("header");
    }

    private static void WriteContents(HtmlWriter html, IReadOnlyList<IReportSection> shown)
    {
        html.Open("nav", "toc").Element("strong", "Contents").Open("ol");
        foreach (var s in shown)
            html.Open("li").Markup($"<a href=\"#{s.Id}\">").Text(s.Title).Markup("</a>").Close("li");
        html.Close("ol").Close("nav");
    }

    private static void WriteSection(HtmlWriter html, IReportSection section, ReportInputs inputs, ReportOptions options, Action<string> warn)
    {
        html.Markup("\n").Open("section", "report-section", section.Id).Heading(2, section.Title);
        if (!section.AlwaysShown && !section.Ports.Any(inputs.Has))
        {
            html.NotPartOfRun(section.Title, section.Ports).Close("section");
            return;
        }
        // A section is rendered on its own so that a failure cannot leave half-written markup behind. Any failure
        // (a malformed input file, a table of unexpected shape) costs that section only: it is logged as a warning
        // and shown in place, and the rest of the report is still written.
        var body = new HtmlWriter();
        try
        {
            section.Write(body, inputs, options);
            html.Markup(body.ToString());
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            warn($"report section '{section.Id}' could not be rendered: {e.Message}");
            html.Paragraph($"This section could not be rendered: {e.Message}", "missing");
        }
        html.Close("section");
    }
}
