using System.CommandLine;
using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Report.Inputs;

namespace Pipeline.Report;

/// <summary><c>pipeline report --hops hops.parquet --model-kra model-kra.json ... --out DIR</c>: renders the report
/// from artifacts on disk through the engine's ad-hoc runner (the same code path as the pipeline stage).</summary>
internal static class ReportCommand
{
    public static Command Create(IStageHost host)
    {
        var stage = new ReportStage();
        var command = new Command("report", "Render the self-contained HTML report from artifacts on disk (every input optional)");
        var output = new Option<string>("--out") { Description = "Folder to write report.html into", Required = true };
        var title = new Option<string?>("--title") { Description = "Title at the top of the report" };
        var maxRows = new Option<int?>("--max-table-rows") { Description = "Longest table printed in full" };
        command.Options.Add(output);
        command.Options.Add(title);
        command.Options.Add(maxRows);

        var inputs = ReportPorts.Inputs.Select(port => (Port: port, Option: new Option<string?>("--" + port.Name.Replace('_', '-'))
        {
            Description = $"{port.Description} ({(port.Kind == PortKind.Table ? ".parquet or .csv" : port.Kind == PortKind.File ? "file" : "folder")})",
        })).ToList();
        foreach (var (_, option) in inputs) command.Options.Add(option);

        command.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parse.GetValue(title) is { } t) parameters["title"] = t;
            if (parse.GetValue(maxRows) is { } m) parameters["max_table_rows"] = m.ToString(CultureInfo.InvariantCulture);
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (port, option) in inputs)
            {
                if (parse.GetValue(option) is { } path) paths[port.Name] = path;
            }
            return host.RunAdHoc(stage, parameters, paths, parse.GetValue(output)!);
        });
        return command;
    }
}
