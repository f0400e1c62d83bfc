using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.Report.Tests;

public class ReportCommandTests
{
    private sealed class RecordingHost : IStageHost
    {
        public IStage? Stage;
        public IReadOnlyDictionary<string, string>? Parameters;
        public IReadOnlyDictionary<string, string>? Inputs;
        public string? Output;

        public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters,
            IReadOnlyDictionary<string, string> inputs, string outputDirectory)
        {
            (Stage, Parameters, Inputs, Output) = (stage, parameters, inputs, outputDirectory);
            return 0;
        }
    }

    [Fact]
    public void Report_command_passes_each_input_option_to_the_ad_hoc_runner_under_its_port_name()
    {
        var host = new RecordingHost();
        var root = new RootCommand();
        foreach (var c in new ReportModule().Commands(host)) root.Subcommands.Add(c);

        int exit = root.Parse(["report", "--hops", "a/hops.parquet", "--model-kra", "fit/model-kra.json",
            "--kmc-plots", "kmc/plots", "--title", "My run", "--max-table-rows", "50", "--out", "rep"]).Invoke();

        Assert.Equal(0, exit);
        Assert.Equal("report", host.Stage!.Type);
        Assert.Equal(new Dictionary<string, string> { ["hops"] = "a/hops.parquet", ["model_kra"] = "fit/model-kra.json", ["kmc_plots"] = "kmc/plots" }, host.Inputs);
        Assert.Equal(new Dictionary<string, string> { ["title"] = "My run", ["max_table_rows"] = "50" }, host.Parameters);
        Assert.Equal("rep", host.Output);
    }

    [Fact]
    public void Every_input_port_of_the_stage_is_optional_and_has_an_option()
    {
        var stage = new ReportStage();
        Assert.All(stage.Inputs, p => Assert.True(p.Optional, p.Name));
        var command = new ReportModule().Commands(new RecordingHost()).Single();
        var options = command.Options.Select(o => o.Name).ToHashSet();
        Assert.All(stage.Inputs, p => Assert.Contains("--" + p.Name.Replace('_', '-'), options));
        Assert.Equal("report.html", stage.Outputs.Single().FileName);
    }
}
