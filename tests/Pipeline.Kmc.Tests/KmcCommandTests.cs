using Pipeline.Abstractions;
using Pipeline.Kmc.Stage;

namespace Pipeline.Kmc.Tests;

public class KmcCommandTests
{
    private sealed class RecordingHost : IStageHost
    {
        public IStage? Stage;
        public IReadOnlyDictionary<string, string>? Parameters, Inputs;
        public string? Output;

        public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> inputs, string outputDirectory)
        {
            (Stage, Parameters, Inputs, Output) = (stage, parameters, inputs, outputDirectory);
            return 0;
        }
    }

    [Fact]
    public void Command_passes_params_inputs_and_output_to_the_ad_hoc_runner()
    {
        var host = new RecordingHost();
        var module = new KmcModule();
        var command = Assert.Single(module.Commands(host));
        Assert.Equal("kmc", command.Name);
        int exit = command.Parse(["--model", "m.json", "--ce", "eci.json", "--out", "outdir",
            "--compositions", "0.1,0.2", "--synthesis-temperature", "900", "--size", "20"]).Invoke();
        Assert.Equal(0, exit);
        Assert.Equal("kmc", host.Stage!.Type);
        Assert.Equal(Path.GetFullPath("m.json"), host.Inputs!["model"]);
        Assert.Equal(Path.GetFullPath("eci.json"), host.Inputs["ce"]);
        Assert.Equal(Path.GetFullPath("outdir"), host.Output);
        Assert.Equal(new Dictionary<string, string> { ["compositions"] = "0.1,0.2", ["synthesis_temperature"] = "900", ["size"] = "20" },
            host.Parameters);
        Assert.Equal("kmc", Assert.Single(module.Stages).Type);
    }
}
