namespace Pipeline.Executors.Slurm;

/// <summary>Why an array task did not produce its item's result, whether resubmitting it can help, and where its log
/// is. <see cref="SharedFilesystem"/>: the symptoms of a workspace the nodes do not share with the engine.</summary>
internal sealed record TaskFailure(int Index, string JobId, string Reason, string LogPath, bool Retryable, bool SharedFilesystem)
{
    /// <summary>The worker ended with a non-zero exit code (written by the batch script).</summary>
    public static TaskFailure Exited(SlurmLayout layout, string jobId, int index, TaskStatus status)
    {
        var log = layout.LogPath(jobId, index);
        var (reason, retryable) = status.ExitCode switch
        {
            FanOutWorker.ExitStale => ("the worker could not resolve the stage as the engine did (see the log)", false),
            SlurmJobScript.ProbeFailedExitCode => ("the task did not see the engine's workspace", false),
            126 or 127 => ("the worker command could not be started (set `worker:` in the executor options)", false),
            var code => ($"exit code {code}", true),
        };
        return new TaskFailure(index, jobId, $"{reason} on {status.Host}", log, retryable,
            SharedFilesystem: status.ExitCode == SlurmJobScript.ProbeFailedExitCode);
    }

    /// <summary>The task left the queue (or ended) without a result or a failing status file.</summary>
    public static TaskFailure Lost(SlurmLayout layout, FanOutJob job, string jobId, int index, SlurmTaskState? state)
    {
        var log = layout.LogPath(jobId, index);
        var how = state is null
            ? "the task left the Slurm queue"
            : $"Slurm ended the task as {state.State}" + (state.Reason is { Length: > 0 } r && r != "None" ? $" ({r})" : "")
              + (state.Node.Length > 0 ? $" on {state.Node}" : "");
        if (TaskStatus.Read(layout.StatusPath(jobId, index)) is { ExitCode: 0 } ok)
            return new TaskFailure(index, jobId, $"the worker on {ok.Host} reported success, but its result {job.Results.PathOf(job.Items[index])} is not visible here",
                log, false, SharedFilesystem: true);
        if (!File.Exists(log) && state is { WasKilled: true })
            return new TaskFailure(index, jobId, how + " before it started", log, true, SharedFilesystem: false);
        if (!File.Exists(log))
            return new TaskFailure(index, jobId, how + " without writing a log or a status file", log, false, SharedFilesystem: true);
        return new TaskFailure(index, jobId, how + " before the worker finished", log, true, SharedFilesystem: false);
    }

    /// <summary>The last non-empty line of a task log (usually the worker's error), shortened.</summary>
    public static string? LastLogLine(string path)
    {
        try
        {
            if (!File.Exists(path))
                return null;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Max(0, stream.Length - 4096), SeekOrigin.Begin);
            var tail = new StreamReader(stream).ReadToEnd();
            var line = tail.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
            return line is null ? null : line.Length > 300 ? line[..300] + "…" : line;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
