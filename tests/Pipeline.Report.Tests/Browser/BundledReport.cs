using Pipeline.Cli;

namespace Pipeline.Report.Tests.Browser;

/// <summary>The bundled study's report, produced once per test run by running the repository's pipeline.yaml from
/// scratch in a temporary workspace (synthesize through report, about a minute and a half on 2 cores).</summary>
public sealed class BundledReport : IDisposable
{
    private readonly Lazy<string> _report;

    public BundledReport()
    {
        Workspace = Path.Combine(Path.GetTempPath(), "report-bundled-" + Guid.NewGuid().ToString("N")[..12]);
        _report = new Lazy<string>(Produce);
    }

    public string Workspace { get; }

    /// <summary>Path of out/report/report.html (the pipeline runs on first use).</summary>
    public string ReportPath => _report.Value;

    private string Produce()
    {
        Directory.CreateDirectory(Workspace);
        File.Copy(Path.Combine(RepoRoot(), "pipeline.yaml"), Path.Combine(Workspace, "pipeline.yaml"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandTree.Invoke(["-C", Workspace, "run"], Modules.All, stdout, stderr);
        Assert.True(code == 0, $"pipeline run exited {code}\n{stdout}\n{stderr}");
        var report = Path.Combine(Workspace, "out", "report", "report.html");
        Assert.True(File.Exists(report), $"the bundled run wrote no {report}");
        return report;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (Directory.Exists(Workspace)) Directory.Delete(Workspace, recursive: true);
    }
}
