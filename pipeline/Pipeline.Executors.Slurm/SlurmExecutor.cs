namespace Pipeline.Executors.Slurm;

/// <summary>Runs a fan-out stage's items as one Slurm job array: writes the batch script, submits the missing items
/// (sbatch --array), waits for them (status files, squeue), resubmits failed ones up to <c>retries</c> times, and on
/// cancellation cancels the array (scancel). Tasks of an earlier, interrupted run that are still queued or running
/// are waited for instead of being submitted again.</summary>
internal sealed class SlurmExecutor(ExecutorSettings settings, ISlurmClient client) : IItemExecutor
{
    public string Name => "slurm";

    public void Run(FanOutJob job, IReadOnlyList<int> indices)
    {
        var layout = new SlurmLayout(job.Workspace, job.StageName, job.Fingerprint);
        Prepare(layout, job);
        var attempts = new Dictionary<int, int>();
        var tracked = Adopt(layout, job, indices);
        foreach (var index in tracked.Keys)
            attempts[index] = 1;
        var toSubmit = indices.Where(i => !tracked.ContainsKey(i)).ToList();
        var failed = new List<TaskFailure>();
        using var progress = job.Log.Progress("work items on Slurm", indices.Count);
        while (true)
        {
            if (toSubmit.Count > 0)
            {
                var jobId = Submit(layout, job, toSubmit, toSubmit.Max(i => attempts.GetValueOrDefault(i)) + 1);
                foreach (var index in toSubmit)
                {
                    tracked[index] = jobId;
                    attempts[index] = attempts.GetValueOrDefault(index) + 1;
                }
            }
            var failures = new SlurmArrayWatcher(client, settings, layout, job).Wait(tracked, progress);
            tracked.Clear();
            var retry = failures.Where(f => f.Retryable && attempts[f.Index] <= settings.Retries).ToList();
            failed.AddRange(failures.Where(f => !retry.Contains(f)));
            if (retry.Count == 0)
                break;
            foreach (var f in retry)
                job.Log.Warn($"{job.Describe(f.Index)} failed: {f.Reason}; resubmitting it (attempt {attempts[f.Index] + 1} of {settings.Retries + 1}); log {f.LogPath}");
            toSubmit = retry.Select(f => f.Index).ToList();
        }
        progress.Status($"{indices.Count - failed.Count} finished" + (failed.Count > 0 ? $", {failed.Count} failed" : ""));
        if (failed.Count > 0)
            throw new FanOutFailedException(FailureReport(job, failed, attempts));
    }

    public void CancelEarlierWork(FanOutJob job)
    {
        var layout = new SlurmLayout(job.Workspace, job.StageName, job.Fingerprint);
        foreach (var jobId in layout.Submissions())
        {
            if (client.Tasks(jobId) is { } tasks && tasks.Values.Any(t => t.IsActive))
            {
                client.Cancel(jobId);
                job.Log.Info($"--force: cancelled Slurm job {jobId} of an earlier run of this computation");
            }
        }
        SlurmLayout.ForgetRun(job.Workspace, job.StageName, job.Fingerprint);
    }

    private void Prepare(SlurmLayout layout, FanOutJob job)
    {
        if (layout.LogPatternProblem is { } problem)
            throw new FanOutFailedException(problem);
        Directory.CreateDirectory(layout.LogDir);
        Directory.CreateDirectory(layout.StatusDir);
        var token = layout.ProbeToken();
        new WorkSpec
        {
            Stage = job.StageName,
            Fingerprint = job.Fingerprint,
            Sets = job.Sets.ToList(),
            Items = job.Items.Select(i => i.Id).ToList(),
        }.Save(layout.WorkPath);
        var worker = settings.Worker ?? WorkerCommandLine.Default();
        AtomicFile.WriteAllText(layout.ScriptPath,
            SlurmJobScript.Render(layout, job.Workspace.Root, job.StageName, job.Fingerprint, token, worker));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(layout.ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>Items still queued or running in arrays this computation submitted before (the engine was killed).</summary>
    private Dictionary<int, string> Adopt(SlurmLayout layout, FanOutJob job, IReadOnlyList<int> indices)
    {
        var wanted = indices.ToHashSet();
        var adopted = new Dictionary<int, string>();
        foreach (var jobId in layout.Submissions())
        {
            if (client.Tasks(jobId) is not { } tasks)
                continue;
            foreach (var (index, state) in tasks)
            {
                if (state.IsActive && wanted.Contains(index))
                    adopted[index] = jobId;
            }
        }
        if (adopted.Count > 0)
            job.Log.Info($"{adopted.Count} item(s) still queued or running in Slurm job(s) {string.Join(", ", adopted.Values.Distinct())} "
                         + "of an earlier run: waiting for them instead of submitting them again");
        return adopted;
    }

    private string Submit(SlurmLayout layout, FanOutJob job, IReadOnlyList<int> indices, int attempt)
    {
        var spec = ArrayIndices.Format(indices);
        var jobId = client.SubmitArray(new SlurmSubmission(layout.ScriptPath, spec, "pipeline-" + job.StageName, layout.LogPattern,
            job.Workspace.Root, settings));
        layout.RecordSubmission(jobId, spec);
        job.Log.Info($"submitted {indices.Count} item(s) as Slurm job array {jobId} (--array={spec}"
                     + (settings.Partition is { } p ? $", partition {p}" : "") + (attempt > 1 ? $", attempt {attempt}" : "")
                     + $"); logs in {layout.LogDir}");
        return jobId;
    }

    private string FailureReport(FanOutJob job, IReadOnlyList<TaskFailure> failed, IReadOnlyDictionary<int, int> attempts)
    {
        var lines = failed.OrderBy(f => f.Index).Select(f =>
            $"  {job.Describe(f.Index)}: {f.Reason} (attempt {attempts.GetValueOrDefault(f.Index)} of {settings.Retries + 1}); "
            + $"log {f.LogPath}" + (TaskFailure.LastLogLine(f.LogPath) is { } last ? $": {last}" : ""));
        var text = $"{failed.Count} of {job.Items.Count} work items failed on Slurm (finished items are kept: the next run computes only the missing ones):\n"
                   + string.Join("\n", lines);
        if (failed.Any(f => f.SharedFilesystem))
            text += $"\nThe workspace {job.Workspace.Root} must be on a filesystem that this machine and the compute nodes share "
                    + "(a cluster home, project or scratch filesystem such as NFS, Lustre or GPFS; not a node-local /tmp): "
                    + "tasks must see the engine's probe file and the engine must see their logs, status files and results.";
        return text;
    }
}
