using Pipeline.Core.Execution;
using Pipeline.Core.Logging;
using Pipeline.Core.Parquet;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class AdHocHostTests
{
    [Fact]
    public void One_off_run_parses_string_params_reads_csv_and_writes_outputs_with_provenance()
    {
        using var ws = new TempWorkspace();
        var log = new StringWriter();
        var host = new AdHocHost(new PlainRunLog(log), cacheRoot: ws.Path("cache"));
        File.WriteAllText(ws.Path("in.csv"), "id,x\n0,1.5\n1,-2\n");
        int code = host.RunAdHoc(ws.Stages.Scale, new Dictionary<string, string> { ["factor"] = "4" },
            new Dictionary<string, string> { ["numbers"] = ws.Path("in.csv") }, ws.Path("outdir"));
        Assert.Equal(ExitCodes.Ok, code);
        var table = ParquetTableReader.Read(ws.Path("outdir/scaled.parquet"));
        Assert.Equal([6.0, -8.0], table.Doubles("x"));
        Assert.Equal("test-scale", table.Metadata[ArtifactMetadata.StageType]);
        Assert.Equal("""{"factor":4.0}""", table.Metadata[ArtifactMetadata.Params]);
        Assert.Empty(Directory.GetDirectories(ws.Path("outdir")));
        Assert.True(Directory.Exists(ws.Path("cache/test-scale")));
    }

    [Fact]
    public void Directory_and_file_outputs_land_under_their_names()
    {
        using var ws = new TempWorkspace();
        var log = new StringWriter();
        var host = new AdHocHost(new PlainRunLog(log), cacheRoot: ws.Path("cache"));
        File.WriteAllText(ws.Path("in.csv"), "id,x\n0,1.5\n");
        int code = host.RunAdHoc(ws.Stages.Summarize, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["scaled"] = ws.Path("in.csv") }, ws.Path("o"));
        Assert.True(code == 0, log.ToString());
        Assert.True(File.Exists(ws.Path("o/summary.json")));
        Assert.True(File.Exists(ws.Path("o/metrics.parquet")));
        Assert.True(File.Exists(ws.Path("o/plots/sub/b.txt")));
    }

    [Fact]
    public void Bad_params_and_missing_inputs_exit_2_without_running()
    {
        using var ws = new TempWorkspace();
        var log = new StringWriter();
        var host = new AdHocHost(new PlainRunLog(log), cacheRoot: ws.Path("cache"));
        Assert.Equal(ExitCodes.InvalidConfig, host.RunAdHoc(ws.Stages.Scale, new Dictionary<string, string> { ["factor"] = "five" },
            new Dictionary<string, string>(), ws.Path("o")));
        Assert.Contains("test-scale: param 'factor' expects a number, got 'five'", log.ToString());
        Assert.Contains("test-scale: missing input 'numbers' (table)", log.ToString());
        Assert.Equal(0, ws.Stages.Scale.Runs);
        Assert.Equal(ExitCodes.StageFailed, host.RunAdHoc(ws.Stages.Fail, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["numbers"] = WriteCsv(ws) }, ws.Path("o")));
    }

    private static string WriteCsv(TempWorkspace ws)
    {
        File.WriteAllText(ws.Path("n.csv"), "x\n1\n");
        return ws.Path("n.csv");
    }
}
