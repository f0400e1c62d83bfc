using System.Text;
using Pipeline.Abstractions;
using Pipeline.Report.Inputs;
using Pipeline.Report.Sections;

namespace Pipeline.Report;

/// <summary>Stage <c>report</c>: one self-contained HTML file of a run (dataset, fits, CE, kMC, truth comparison,
/// provenance). Every input is optional; a section without its inputs says it was not part of the run.</summary>
public sealed class ReportStage : IStage
{
    public string Type => "report";
    public int Version => 2;
    public string Description => "Self-contained HTML report of a run (images embedded, readable in print)";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.String("title", "Title at the top of the report; empty: \"<mobile ion> diffusion in <material>: run report\", named by the models' species", ""),
        ParamSpec.Int("max_table_rows", "Longest table printed in full; longer tables show their first rows", 200, min: 10, max: 100000),
    ];

    public IReadOnlyList<PortSpec> Inputs => ReportPorts.Inputs;
    public IReadOnlyList<PortSpec> Outputs => ReportPorts.Outputs;

    public void Run(StageContext ctx)
    {
        var inputs = ReportInputs.Load(ctx);
        var title = ctx.Params.String("title") is { Length: > 0 } t ? t : $"{inputs.MobileIon} diffusion in {inputs.MaterialName}: run report";
        var options = new ReportOptions(title, ctx.Params.Int32("max_table_rows"));
        ctx.Cancellation.ThrowIfCancellationRequested();
        var html = ReportRenderer.Render(inputs, options, ctx.Log.Warn);
        var path = ctx.OutputFilePath(ReportPorts.ReportOutput);
        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        ctx.Log.Info($"{inputs.Artifacts.Count} of {ReportPorts.Named(inputs.Has).Count} inputs connected, {html.Length / 1024} KiB");
    }
}
