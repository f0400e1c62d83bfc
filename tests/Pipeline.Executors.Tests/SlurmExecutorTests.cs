using System.Diagnostics;
using Pipeline.Executors.Tests.Support;
using Pipeline.Executors.Slurm;
using Xunit.Abstractions;

namespace Pipeline.Executors.Tests;

/// <summary>The slurm executor against a real Slurm controller (single node here: .ci/slurm-up.sh). One class, so
/// these tests run one after another and do not compete for the node's CPUs.</summary>
[Collection("slurm")]
public sealed class SlurmExecutorTests(ITestOutputHelper output)
{
    private const string Retried = "x0.500-T600-s1";

    [SlurmFact]
    public void A_task_that_fails_once_succeeds_on_its_retry()
    {
        SlurmProbe.Require();
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm"),
            "    params:\n      xs: [0.5]\n      temperatures: [300, 600]\n      fail_once: [" + Retried + "]\n      marker_dir: markers-abs"));
        var markers = ws.PathOf("markers");
        Directory.CreateDirectory(markers);
        File.WriteAllText(ws.PathOf("pipeline.yaml"), File.ReadAllText(ws.PathOf("pipeline.yaml")).Replace("markers-abs", markers));

        var run = ws.Cli("run");
        output.WriteLine(run.ToString());
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains($"item {Retried} (#1) failed: exit code 1 on", run.Output);
        Assert.Contains("resubmitting it (attempt 2 of 2)", run.Output);

        var logs = TaskLogs(ws);
        Assert.Equal(3, logs.Count);
        Assert.Equal(2, logs.Select(l => l.JobId).Distinct().Count());
        var attempts = logs.Where(l => l.Index == 1).OrderBy(l => long.Parse(l.JobId)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Contains("fails on its first attempt", File.ReadAllText(attempts[0].Path));
        Assert.Contains("done in", File.ReadAllText(attempts[1].Path));
    }

    [SlurmFact]
    public void Without_retries_a_failed_task_fails_the_stage_naming_the_item_and_its_log()
    {
        SlurmProbe.Require();
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm", "  retries: 0"),
            "    params:\n      xs: [0.5]\n      temperatures: [600]\n      fail_once: [" + Retried + "]\n      marker_dir: MARKERS"));
        Directory.CreateDirectory(ws.PathOf("m"));
        File.WriteAllText(ws.PathOf("pipeline.yaml"), File.ReadAllText(ws.PathOf("pipeline.yaml")).Replace("MARKERS", ws.PathOf("m")));

        var run = ws.Cli("run");
        output.WriteLine(run.ToString());
        Assert.Equal(1, run.Code);
        var log = Assert.Single(TaskLogs(ws));
        Assert.Contains("1 of 1 work items failed on Slurm", run.Output);
        Assert.Contains($"item {Retried} (#0): exit code 1 on", run.Output);
        Assert.Contains($"(attempt 1 of 1); log {log.Path}: ", run.Output);
        Assert.Contains("fails on its first attempt (test hook)", run.Output);
    }

    [SlurmFact]
    public void A_rerun_after_an_interrupted_stage_resubmits_only_the_missing_item()
    {
        SlurmProbe.Require();
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm"),
            "    params:\n      xs: [0.25]\n      temperatures: [300, 900]\n      assemble_gate: GATE"));
        var gate = ws.PathOf("gate");
        File.WriteAllText(ws.PathOf("pipeline.yaml"), File.ReadAllText(ws.PathOf("pipeline.yaml")).Replace("GATE", gate));
        File.WriteAllText(gate, "closed");

        var interrupted = ws.Cli("run");
        Assert.Equal(1, interrupted.Code);
        Assert.Contains("assemble gate", interrupted.Output);
        var firstJob = Assert.Single(TaskLogs(ws).Select(l => l.JobId).Distinct());
        var items = Directory.GetDirectories(ws.PathOf(".pipeline/fanout/ens")).Single();
        Directory.Delete(Path.Combine(items, "x0.250-T900-s1"), recursive: true);
        File.Delete(gate);

        var resumed = ws.Cli("run");
        Assert.True(resumed.Code == 0, resumed.ToString());
        Assert.Contains("2 work items, 1 already computed by an earlier run; running 1 on the slurm executor", resumed.Output);
        Assert.Contains("submitted 1 item(s) as Slurm job array", resumed.Output);
        var second = TaskLogs(ws).Where(l => l.JobId != firstJob).ToList();
        Assert.Equal([1], second.Select(l => l.Index));

        var slurmHashes = ws.WorkingCopyHashes("ens");
        var local = ws.Cli("run", "--force", "--executor", "local", "ens");
        Assert.True(local.Code == 0, local.ToString());
        Assert.Equal(slurmHashes, ws.WorkingCopyHashes("ens"));
    }

    [SlurmFact]
    public void A_task_cancelled_by_someone_else_is_resubmitted()
    {
        SlurmProbe.Require();
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm"),
            "    params:\n      xs: [0.5]\n      item_ms: 1500"));
        var run = Task.Run(() => ws.Cli("run"));
        var deadline = Stopwatch.StartNew();
        while ((TaskLogs(ws).Count < 2 || !SubmissionRecorded(ws)) && deadline.Elapsed < TimeSpan.FromSeconds(60) && !run.IsCompleted)
            Thread.Sleep(100);
        var jobId = Assert.Single(TaskLogs(ws).Select(l => l.JobId).Distinct());
        var pending = Assert.Single(Enumerable.Range(0, 3).Except(TaskLogs(ws).Select(l => l.Index)));
        using (var scancel = Process.Start("scancel", [$"{jobId}_{pending}"]))
            scancel.WaitForExit();

        var result = run.Result;
        output.WriteLine(result.ToString());
        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains($"(#{pending}) failed: Slurm ended the task as CANCELLED", result.Output);
        Assert.Contains("before it started; resubmitting it (attempt 2 of 2)", result.Output);
        Assert.Equal(2, TaskLogs(ws).Select(l => l.JobId).Distinct().Count());
    }

    [SlurmFact]
    public void Ctrl_c_cancels_the_job_array()
    {
        SlurmProbe.Require();
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm"),
            "    params:\n      item_ms: 60000"));
        using var engine = ChildCli.Start("-C", ws.Root, "run");
        var stdoutOnly = engine.StandardOutput.ReadToEndAsync();
        var stderr = engine.StandardError.ReadToEndAsync();
        var stdout = Task.WhenAll(stdoutOnly, stderr).ContinueWith(_ => stdoutOnly.Result + stderr.Result); // problems go to stderr
        var deadline = Stopwatch.StartNew();
        while ((TaskLogs(ws).Count == 0 || !SubmissionRecorded(ws)) && deadline.Elapsed < TimeSpan.FromSeconds(60) && !engine.HasExited)
            Thread.Sleep(100);
        var jobId = Assert.Single(TaskLogs(ws).Select(l => l.JobId).Distinct());
        using (var interrupt = Process.Start("kill", ["-INT", engine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            interrupt.WaitForExit();
        Assert.True(engine.WaitForExit(TimeSpan.FromSeconds(30)), "the engine did not stop after SIGINT");
        output.WriteLine(stdout.Result);
        Assert.Equal(130, engine.ExitCode);
        Assert.Contains($"cancelled Slurm job array {jobId} (scancel)", stdout.Result);
        Assert.Contains("error: ens: cancelled after", stdout.Result);

        var client = new SlurmCommandClient();
        deadline.Restart();
        while (client.Tasks(jobId) is { } tasks && tasks.Values.Any(t => t.IsActive) && deadline.Elapsed < TimeSpan.FromSeconds(20))
            Thread.Sleep(200);
        var states = client.Tasks(jobId);
        Assert.NotNull(states);
        Assert.DoesNotContain(states!.Values, t => t.IsActive);
        Assert.Contains(states.Values, t => t.State == "CANCELLED");
    }

    [SlurmFact]
    public void After_the_engine_is_killed_a_rerun_waits_for_the_tasks_still_running_instead_of_resubmitting()
    {
        SlurmProbe.Require();
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm"),
            "    params:\n      xs: [0.5]\n      temperatures: [300, 600]\n      item_ms: 2500"));
        using (var engine = ChildCli.Start("-C", ws.Root, "run"))
        {
            var deadline = Stopwatch.StartNew();
            while ((TaskLogs(ws).Count < 2 || !SubmissionRecorded(ws)) && deadline.Elapsed < TimeSpan.FromSeconds(60) && !engine.HasExited)
                Thread.Sleep(100);
            Assert.False(engine.HasExited, "the engine finished before it could be killed");
            engine.Kill(entireProcessTree: true); // like kill -9 or a lost login session: no scancel
            engine.WaitForExit();
        }
        var jobId = Assert.Single(TaskLogs(ws).Select(l => l.JobId).Distinct());

        var rerun = ws.Cli("run");
        Assert.True(rerun.Code == 0, rerun.ToString());
        Assert.Contains($"2 item(s) still queued or running in Slurm job(s) {jobId} of an earlier run: waiting for them", rerun.Output);
        Assert.DoesNotContain("submitted", rerun.Output);
        Assert.Equal([jobId], TaskLogs(ws).Select(l => l.JobId).Distinct());
    }

    [SlurmFact]
    public void A_percent_in_the_workspace_path_does_not_move_the_task_logs()
    {
        SlurmProbe.Require();
        // Unescaped, sbatch would expand "%j" and "%A" here and write the logs into another folder.
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(TestWorker.ExecutorBlock("slurm"),
            "    params:\n      xs: [0.5]\n      temperatures: [300]"), folderPrefix: "50%j%A_");
        var run = ws.Cli("run");
        output.WriteLine(run.ToString());
        Assert.True(run.Code == 0, run.ToString());
        var log = Assert.Single(TaskLogs(ws));
        Assert.Contains("done in", File.ReadAllText(log.Path));
    }

    private static bool SubmissionRecorded(ExecutorWorkspace ws)
        => Directory.Exists(ws.PathOf(".pipeline/slurm/ens"))
           && Directory.EnumerateFiles(ws.PathOf(".pipeline/slurm/ens"), "submissions.tsv", SearchOption.AllDirectories).Any();

    private sealed record TaskLog(string JobId, int Index, string Path);

    /// <summary>The Slurm output files of ens's tasks: one per task that started, named JOB_INDEX.out by Slurm.</summary>
    private static List<TaskLog> TaskLogs(ExecutorWorkspace ws)
    {
        var root = ws.PathOf(".pipeline/slurm/ens");
        if (!Directory.Exists(root))
            return [];
        return Directory.EnumerateFiles(root, "*.out", SearchOption.AllDirectories)
            .Select(p => (Path: p, Parts: Path.GetFileNameWithoutExtension(p).Split('_')))
            .Select(x => new TaskLog(x.Parts[0], int.Parse(x.Parts[1]), x.Path))
            .ToList();
    }
}
