using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Report options taken from the stage params.</summary>
public sealed record ReportOptions(string Title, int MaxTableRows);

/// <summary>One top-level section of the report. The renderer writes the heading and, when none of
/// <see cref="Ports"/> is connected, a "not part of this run" line instead of calling <see cref="Write"/>.</summary>
internal interface IReportSection
{
    string Id { get; }
    string Title { get; }
    IReadOnlyList<string> Ports { get; }

    /// <summary>Shown even when none of its ports is connected (provenance).</summary>
    bool AlwaysShown => false;

    /// <summary>Left out of the document (and its contents) when none of its ports is connected, instead of saying
    /// "not part of this run": for inputs outside the standard workflow (<see cref="ReportPorts.OnlyWhenConnected"/>).</summary>
    bool OmittedWhenUnconnected => false;
    void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options);
}
