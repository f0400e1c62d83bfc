using System.Diagnostics;
using Pipeline.Abstractions;

namespace Pipeline.Executors.Slurm;

/// <summary>Waits for submitted array tasks: an item is done when its result folder appears, failed when its status
/// file has a non-zero exit code or when it left the queue without either. Slurm accounting is not needed: squeue
/// only says which tasks are still queued or running. Cancellation (Ctrl-C) cancels the arrays.</summary>
internal sealed class SlurmArrayWatcher(ISlurmClient client, ExecutorSettings settings, SlurmLayout layout, FanOutJob job)
{
    /// <summary>How long a task may be gone from the queue without a visible status file before it counts as lost
    /// (shared filesystems may show a file written on a node only after their attribute cache expires).</summary>
    private static readonly TimeSpan LostGrace = TimeSpan.FromSeconds(30);

    /// <summary>How long squeue may keep failing before the stage gives up.</summary>
    private static readonly TimeSpan ControllerPatience = TimeSpan.FromMinutes(10);

    /// <summary>Polls until every tracked task (index -> array job id) has a result or has failed; returns the failures.</summary>
    public List<TaskFailure> Wait(Dictionary<int, string> tracked, IProgressTask progress)
    {
        var open = new Dictionary<int, string>(tracked);
        var goneSince = new Dictionary<int, Stopwatch>();
        var failures = new List<TaskFailure>();
        Stopwatch? controllerSilent = null;
        while (open.Count > 0)
        {
            if (job.Cancellation.IsCancellationRequested)
            {
                CancelArrays(open.Values.Distinct());
                job.Cancellation.ThrowIfCancellationRequested();
            }
            foreach (var (index, jobId) in open.ToList())
            {
                if (job.Results.Has(job.Items[index]))
                {
                    open.Remove(index);
                    progress.Increment();
                }
                else if (TaskStatus.Read(layout.StatusPath(jobId, index)) is { ExitCode: not 0 } status)
                {
                    open.Remove(index);
                    failures.Add(TaskFailure.Exited(layout, jobId, index, status));
                }
            }
            if (open.Count == 0)
                break;

            var states = open.Values.Distinct().ToDictionary(id => id, client.Tasks);
            if (states.Values.Any(s => s is null))
            {
                if (controllerSilent is null)
                {
                    controllerSilent = Stopwatch.StartNew();
                    job.Log.Warn("squeue does not answer; waiting for the Slurm controller (status files are still read)");
                }
                else if (controllerSilent.Elapsed > ControllerPatience)
                {
                    throw new FanOutFailedException(
                        $"squeue has not answered for {ControllerPatience.TotalMinutes:0} minutes; the tasks of job(s) {string.Join(", ", states.Keys)} "
                        + "may still be running. Run `pipeline run` again later: finished items are kept and running ones are waited for.");
                }
            }
            else
            {
                controllerSilent = null;
            }
            var summary = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (index, jobId) in open.ToList())
            {
                if (states[jobId] is not { } tasks)
                    continue;
                var state = tasks.GetValueOrDefault(index);
                if (state is { IsActive: true })
                {
                    goneSince.Remove(index);
                    var key = state.State == "PENDING" && state.Reason is { Length: > 0 } r && r != "None" ? $"PENDING ({r})" : state.State;
                    summary[key] = summary.GetValueOrDefault(key) + 1;
                    continue;
                }
                var gone = goneSince.TryGetValue(index, out var w) ? w : goneSince[index] = Stopwatch.StartNew();
                var grace = state is { WasKilled: true } ? settings.PollInterval * 2 : LostGrace;
                if (gone.Elapsed < grace)
                    continue;
                open.Remove(index);
                if (job.Results.Has(job.Items[index]))
                    progress.Increment();
                else
                    failures.Add(TaskFailure.Lost(layout, job, jobId, index, state));
            }
            progress.Status(string.Join(", ", summary.Select(kv => $"{kv.Value} {kv.Key.ToLowerInvariant()}")));
            if (open.Count > 0)
                job.Cancellation.WaitHandle.WaitOne(settings.PollInterval);
        }
        return failures;
    }

    private void CancelArrays(IEnumerable<string> jobIds)
    {
        foreach (var jobId in jobIds)
        {
            try
            {
                client.Cancel(jobId);
                job.Log.Warn($"cancelled Slurm job array {jobId} (scancel); finished items are kept for the next run");
            }
            catch (SlurmCommandException e)
            {
                job.Log.Warn(e.Message);
            }
        }
    }
}
