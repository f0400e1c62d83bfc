using Pipeline.Core.Execution;
using Pipeline.Core.Hashing;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Store;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>Crash consistency (a child process killed mid-stage) and the single-writer workspace lock.</summary>
public class ProcessTests
{
    private static string GatedPipeline(string gate) => $"""
        stages:
          - name: gen
            uses: test-generate
          - name: gated
            uses: test-gate
            params:
              gate: "{gate}"
            inputs:
              numbers: gen.numbers
          - name: scale
            uses: test-scale
            inputs:
              numbers: gen.numbers
        """;

    /// <summary>Every output the lock names is in the store and intact; no staging or temp file is left where a
    /// reader could mistake it for data.</summary>
    private static void AssertConsistent(TempWorkspace ws)
    {
        var lockFile = LockFile.Load(ws.Workspace.LockPath);
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        foreach (var (stage, entry) in lockFile.Stages)
        {
            foreach (var (output, artifact) in entry.Outputs)
                Assert.True(store.Check(artifact, full: true) is null, $"{stage}.{output} not intact");
        }
        Assert.True(StoreVerifier.Verify(ws.Workspace).Corrupt.Count == 0);
        if (Directory.Exists(ws.Workspace.ObjectsDir))
            Assert.Empty(Directory.EnumerateFiles(ws.Workspace.ObjectsDir, "*" + AtomicFile.TempMarker + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Killed_mid_stage_leaves_a_consistent_workspace_and_the_next_run_resumes()
    {
        using var ws = new TempWorkspace();
        var gate = ws.Path("gate");
        ws.WriteConfig(GatedPipeline(gate));
        using (var child = ChildHost.Run(ws.Root))
        {
            ChildHost.WaitForFile(Path.Combine(gate, "started"), TimeSpan.FromSeconds(45), child);
            child.Kill();
        }
        var afterKill = LockFile.Load(ws.Workspace.LockPath);
        Assert.True(afterKill.Stages.ContainsKey("gen"), "gen committed before the kill");
        Assert.False(afterKill.Stages.ContainsKey("gated"), "the killed stage must not be in the lock");
        Assert.True(Directory.Exists(ws.Workspace.TmpDir), "the killed stage was staging its outputs");
        AssertConsistent(ws);

        File.WriteAllText(Path.Combine(gate, "release"), "");
        var resumed = ws.Run();
        Assert.Equal(ExitCodes.Ok, resumed.ExitCode);
        Assert.Equal(StageAction.UpToDate, resumed.Stages.Single(s => s.Stage == "gen").Action);
        Assert.Equal(StageAction.Ran, resumed.Stages.Single(s => s.Stage == "gated").Action);
        Assert.Equal(0, ws.Stages.Generate.Runs);
        Assert.False(Directory.Exists(ws.Workspace.TmpDir));
        AssertConsistent(ws);
    }

    [Fact]
    public void Killed_at_random_moments_never_corrupts_the_workspace()
    {
        using var ws = new TempWorkspace();
        var gate = ws.Path("gate");
        Directory.CreateDirectory(gate);
        File.WriteAllText(Path.Combine(gate, "release"), "");
        ws.WriteConfig(GatedPipeline(gate));
        var random = new Random(11);
        int rounds = Environment.GetEnvironmentVariable("PIPELINE_LONG_TESTS") == "1" ? 20 : 3;
        for (int i = 0; i < rounds; i++)
        {
            using (var child = ChildHost.Run(ws.Root))
            {
                Thread.Sleep(150 + random.Next(600));
                child.Kill();
            }
            AssertConsistent(ws);
            ws.WriteConfig(GatedPipeline(gate).Replace("uses: test-generate", $"uses: test-generate\n    params: {{ seed: {i + 2} }}"));
        }
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);
        AssertConsistent(ws);
    }

    [Fact]
    public async Task A_second_run_waits_for_the_workspace_lock_then_fails_clearly_on_timeout()
    {
        using var ws = new TempWorkspace();
        var gate = ws.Path("gate");
        ws.WriteConfig(GatedPipeline(gate));
        using var child = ChildHost.Run(ws.Root);
        ChildHost.WaitForFile(Path.Combine(gate, "started"), TimeSpan.FromSeconds(45), child);

        var e = Assert.Throws<WorkspaceLockTimeoutException>(() => ws.Run(new RunOptions { LockTimeout = TimeSpan.FromMilliseconds(300) }));
        Assert.Contains("another `pipeline run` is using this workspace (pid", e.Message);
        Assert.Contains("waiting for the workspace lock", ws.LogText.ToString());

        // A patient second run gets the lock once the first finishes, and finds nothing left to do.
        var release = Task.Run(() =>
        {
            Thread.Sleep(300);
            File.WriteAllText(Path.Combine(gate, "release"), "");
        });
        var second = ws.Run(new RunOptions { LockTimeout = TimeSpan.FromSeconds(60) });
        await release;
        Assert.Equal(ExitCodes.Ok, child.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal(0, ws.Stages.Gate.Runs);
    }
}
