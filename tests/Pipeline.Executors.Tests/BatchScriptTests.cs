using System.Diagnostics;
using Pipeline.Abstractions;
using Pipeline.Executors.Tests.Support;

namespace Pipeline.Executors.Tests;

/// <summary>The generated batch script and the worker, run the way a Slurm node runs them (bash with the array
/// variables set) but without a controller: the submission is made to fail on purpose, after the engine has
/// written the script and the work spec.</summary>
public sealed class BatchScriptTests
{
    [Fact]
    public void The_batch_script_runs_one_item_checks_the_probe_and_reports_exit_codes()
    {
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm", "  partition: no-such-partition")));
        var run = ws.Cli("run");
        Assert.Equal(1, run.Code);
        Assert.Matches("sbatch failed|cannot run sbatch", run.Output);
        var root = Directory.GetDirectories(ws.PathOf(".pipeline/slurm/ens")).Single();
        var fingerprint = Path.GetFileName(root);
        var script = Path.Combine(root, "job.sh");
        Assert.StartsWith("#!/bin/bash", File.ReadAllText(script));

        var ok = Task(script, index: 3, job: "900");
        Assert.True(ok.Code == 0, ok.Output);
        Assert.Matches("^exit=0 host=\\S+\n$", File.ReadAllText(Path.Combine(root, "status", "900_3")));
        var result = ItemTable.Load(ws.PathOf($".pipeline/fanout/ens/{fingerprint}/x0.500-T300-s1/data/walk.table"));
        Assert.Equal("x0.500-T300-s1", result.Metadata["item"]);
        Assert.Equal(10, result.DoubleLists("walk")[0].Length);
        var again = Task(script, index: 3, job: "901");
        Assert.Equal(0, again.Code);
        Assert.Contains("already computed by another attempt", again.Output);

        var probe = Path.Combine(root, "probe");
        var token = File.ReadAllText(probe);
        File.WriteAllText(probe, "another workspace\n");
        var foreign = Task(script, index: 4, job: "902");
        Assert.Equal(97, foreign.Code);
        Assert.Contains("PROBE FAILED", foreign.Output);
        Assert.Contains("must be on a filesystem shared", foreign.Output);
        Assert.False(File.Exists(Path.Combine(root, "status", "902_4")));
        Assert.False(Directory.Exists(ws.PathOf($".pipeline/fanout/ens/{fingerprint}/x0.500-T600-s1")));
        File.WriteAllText(probe, token);

        var yaml = File.ReadAllText(ws.PathOf("pipeline.yaml"));
        File.WriteAllText(ws.PathOf("pipeline.yaml"), yaml + "    params:\n      steps: 100\n");
        var stale = Task(script, index: 5, job: "903");
        Assert.Equal(2, stale.Code);
        Assert.Contains($"not the engine's {fingerprint}", stale.Output);
        Assert.Equal("exit=2", File.ReadAllText(Path.Combine(root, "status", "903_5")).Split(' ')[0]);
        File.WriteAllText(ws.PathOf("pipeline.yaml"), yaml);

        var local = ws.Cli("run", "--executor", "local");
        Assert.True(local.Code == 0, local.ToString());
        Assert.Contains("ens: 6 work items, 1 already computed by an earlier run; running 5 on the local executor", local.Output);
        Assert.Equal(5, ws.Ensemble.TotalItemRuns);
    }

    [Fact]
    public void The_worker_refuses_an_item_the_engine_never_planned()
    {
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline());
        var result = ws.Cli("worker", "--stage", "ens", "--fingerprint", "0123456789abcdef0123456789abcdef", "--item", "0");
        Assert.Equal(2, result.Code);
        Assert.Contains("work.json does not exist", result.Output);
        Assert.DoesNotContain("worker", ws.Cli("--help").Output.Split('\n').Select(l => l.Trim().Split(' ')[0]));
    }

    private static (int Code, string Output) Task(string script, int index, string job)
    {
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SLURM_ARRAY_TASK_ID"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SLURM_ARRAY_JOB_ID"] = job;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the batch script did not finish");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
