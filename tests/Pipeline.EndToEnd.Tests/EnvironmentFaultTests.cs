using Pipeline.Core.Execution;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Faults of the machine, not of the pipeline (issue #17, item 13), through the real tool in a child process:
/// each ends with one line saying the cause and the remedy, a documented exit code, and no .NET stack trace.</summary>
public sealed class EnvironmentFaultTests : IDisposable
{
    private const string TinySynth = "stages:\n  - name: synth\n    uses: synthesize\n    params: { hops: 2, single_points: 0, truth_samples: 100 }\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-env", Guid.NewGuid().ToString("N")[..12]);

    public EnvironmentFaultTests()
    {
        Directory.CreateDirectory(_root);
        Open(_root);
    }

    [Fact]
    public void Unwritable_home_does_not_abort_one_off_commands()
    {
        // A HOME that is a file cannot hold ~/.local/share, for root too. The tool used to abort here (SIGABRT, 134).
        var home = Path.Combine(_root, "home-is-a-file");
        File.WriteAllText(home, "");
        var env = new Dictionary<string, string?> { ["HOME"] = home, ["XDG_DATA_HOME"] = null, ["PIPELINE_CACHE_DIR"] = null };
        var help = ToolProcess.Pipeline(_root, env, unprivileged: false, "--help");
        Assert.True(help.Code == 0, help.ToString());

        var synth = ToolProcess.Pipeline(_root, env, unprivileged: false, "synth", "--out", Path.Combine(_root, "data"), "--hops", "2", "--single-points", "0");
        Assert.True(synth.Code == ExitCodes.Ok, synth.ToString());
        Assert.True(File.Exists(Path.Combine(_root, "data", "truth.yaml")), synth.ToString());
        Assert.Contains("PIPELINE_CACHE_DIR", synth.Error);
        Assert.DoesNotContain("   at ", synth.Error);
    }

    [PermissionFact]
    public void Read_only_workspace_says_why_and_what_to_do()
    {
        var ws = Workspace();
        Directory.CreateDirectory(Path.Combine(ws, ".pipeline"));
        ReadOnly(Path.Combine(ws, ".pipeline"));
        ReadOnly(ws);
        var r = ToolProcess.Pipeline(_root, Env(), unprivileged: true, "-C", ws, "run");
        Assert.True(r.Code == ExitCodes.StageFailed, r.ToString());
        Assert.Contains("permission denied", r.Error);
        Assert.Contains($"the workspace {ws} must be writable", r.Error);
        Assert.Contains($"chmod -R u+w {ws}", r.Error);
        Assert.DoesNotContain("   at ", r.Error + r.Output);
    }

    [PermissionFact]
    public void Permission_error_inside_a_run_is_one_line_with_a_remedy()
    {
        var ws = Workspace();
        var outputs = Path.Combine(ws, "out");
        Directory.CreateDirectory(outputs);
        ReadOnly(outputs);
        var r = ToolProcess.Pipeline(_root, Env(), unprivileged: true, "-C", ws, "run");
        Assert.True(r.Code == ExitCodes.StageFailed, r.ToString());
        Assert.Contains("synth: FAILED", r.Error);
        Assert.Contains("permission denied", r.Error);
        Assert.Contains("chmod -R u+w", r.Error);
        Assert.DoesNotContain("   at ", r.Error + r.Output);
    }

    private string Workspace()
    {
        var ws = Path.Combine(_root, "ws");
        Directory.CreateDirectory(ws);
        File.WriteAllText(Path.Combine(ws, "pipeline.yaml"), TinySynth);
        Open(ws);
        return ws;
    }

    /// <summary>A home folder the (possibly unprivileged) child may write.</summary>
    private Dictionary<string, string?> Env()
    {
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        Open(home);
        return new Dictionary<string, string?> { ["HOME"] = home, ["PIPELINE_CACHE_DIR"] = null };
    }

    private static void Open(string dir)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                      | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                      | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
    }

    private static void ReadOnly(string dir)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                                      | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public void Dispose()
    {
        try
        {
            foreach (var d in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).Prepend(_root))
                Open(d);
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A test of file-mode permissions: needs Linux and, when the tests run as root, setpriv to run the tool as
/// nobody. Skipped with the reason otherwise, except under CI=true where the missing tool is a failure.</summary>
public sealed class PermissionFactAttribute : FactAttribute
{
    public PermissionFactAttribute()
    {
        var why = !OperatingSystem.IsLinux() ? "file-mode permission tests need Linux" : ToolProcess.CannotDropPrivileges();
        if (why is not null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = why;
    }
}
